//! Call signatures as IPython's `obj?` shows them: the parameter list of a user
//! function (as `inspect.signature` renders it) or of a builtin (as recorded or as its
//! `Help` gives it), laid out by IPython's `_render_signature`.

use crate::eval::function::Function;
use crate::eval::Interp;
use crate::value::PyResult;

/// IPython's `oinspect._render_signature`: `name(a, b=1)`, or one parameter per line
/// when the name, the parameters, their separators and the parentheses exceed 75
/// columns.
pub fn render_signature(name: &str, params: &[String]) -> String {
    let width = name.chars().count() + params.iter().map(|p| p.chars().count() + 2).sum::<usize>();
    if width > 75 {
        let body: String = params.iter().map(|p| format!("    {p},\n")).collect();
        format!("{name}(\n{body})")
    } else {
        format!("{name}({})", params.join(", "))
    }
}

/// The parameters of a user function as `inspect.signature` lists them: names with
/// `=repr(default)`, `/` after the positional-only ones, `*` before keyword-only ones
/// when there is no `*args`.
pub fn function_params(vm: &mut Interp, f: &Function) -> PyResult<Vec<String>> {
    let params = &f.code.params;
    let mut parts: Vec<String> = Vec::new();
    let first_default = params.positional.saturating_sub(f.defaults.len());
    for i in 0..params.positional.min(params.names.len()) {
        let name = &params.names[i];
        match i.checked_sub(first_default).and_then(|d| f.defaults.get(d)) {
            Some(default) => parts.push(format!("{name}={}", vm.repr(default)?)),
            None => parts.push(name.to_string()),
        }
        if params.posonly > 0 && i + 1 == params.posonly {
            parts.push("/".into());
        }
    }
    if let Some(v) = &params.vararg {
        parts.push(format!("*{v}"));
    } else if params.names.len() > params.positional {
        parts.push("*".into());
    }
    for name in params.names.iter().skip(params.positional) {
        match f.kw_defaults.iter().find(|(k, _)| k == name) {
            Some((_, d)) => parts.push(format!("{name}={}", vm.repr(d)?)),
            None => parts.push(name.to_string()),
        }
    }
    if let Some(k) = &params.kwarg {
        parts.push(format!("**{k}"));
    }
    Ok(parts)
}

/// Splits a signature text such as `(a, b=(1, 2), *, c='x,y')` (a [`Help`]'s
/// `signature`, with or without its parentheses) into its parameters, at the commas
/// outside brackets and quotes.
///
/// [`Help`]: crate::value::function::Help
pub fn split_signature(text: &str) -> Vec<String> {
    let text = text.trim();
    let inner = match (text.find('('), text.rfind(')')) {
        (Some(open), Some(close)) if open < close => &text[open + 1..close],
        _ => text,
    };
    let mut params = Vec::new();
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    let mut current = String::new();
    for c in inner.chars() {
        if let Some(q) = quote {
            current.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '\'' | '"' => {
                quote = Some(c);
                current.push(c);
            }
            '(' | '[' | '{' => {
                depth += 1;
                current.push(c);
            }
            ')' | ']' | '}' => {
                depth -= 1;
                current.push(c);
            }
            ',' if depth == 0 => params.push(std::mem::take(&mut current).trim().to_string()),
            _ => current.push(c),
        }
    }
    if !current.trim().is_empty() {
        params.push(current.trim().to_string());
    }
    params.retain(|p| !p.is_empty());
    params
}

/// The names a call can pass by keyword: the parameters before `*`/`*args` that are
/// not positional-only, and the keyword-only ones after.
pub fn keyword_names(params: &[String]) -> Vec<String> {
    let positional_only_end = params.iter().position(|p| p == "/");
    params
        .iter()
        .enumerate()
        .filter(|(i, _)| positional_only_end.is_none_or(|end| *i > end))
        .map(|(_, p)| p.as_str())
        .filter(|p| *p != "/" && *p != "*" && !p.starts_with('*'))
        .map(|p| p.split(['=', ':']).next().unwrap_or(p).trim().to_string())
        .filter(|p| !p.is_empty() && p != "self")
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn short_signatures_stay_on_one_line() {
        assert_eq!(render_signature("len", &strings(&["obj", "/"])), "len(obj, /)");
        assert_eq!(render_signature("f", &[]), "f()");
    }

    #[test]
    fn long_signatures_break_one_parameter_per_line() {
        let params = strings(&[
            "file", "mode='r'", "buffering=-1", "encoding=None", "errors=None", "newline=None", "closefd=True", "opener=None",
        ]);
        assert_eq!(
            render_signature("open", &params),
            "open(\n    file,\n    mode='r',\n    buffering=-1,\n    encoding=None,\n    errors=None,\n    newline=None,\n    closefd=True,\n    opener=None,\n)"
        );
    }

    #[test]
    fn signature_texts_split_outside_brackets_and_quotes() {
        assert_eq!(split_signature("(a, b=(1, 2), *, c='x,y')"), strings(&["a", "b=(1, 2)", "*", "c='x,y'"]));
        assert_eq!(split_signature("()"), Vec::<String>::new());
        assert_eq!(split_signature("name, mode=None"), strings(&["name", "mode=None"]));
    }

    #[test]
    fn keyword_names_skip_positional_only_and_star_markers() {
        assert_eq!(keyword_names(&strings(&["iterable", "/", "*", "key=None", "reverse=False"])), strings(&["key", "reverse"]));
        assert_eq!(keyword_names(&strings(&["*args", "sep=' '", "end='\\n'"])), strings(&["sep", "end"]));
        assert_eq!(keyword_names(&strings(&["self", "name", "mode=None"])), strings(&["name", "mode"]));
    }
}
