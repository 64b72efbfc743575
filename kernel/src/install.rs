//! `h5lab-kernel install` / `uninstall`: writes (or removes) the kernelspec — the
//! template in `kernelspec/kernel.json` with this binary's absolute path, and the
//! logos — where Jupyter looks for kernels.

use std::path::{Path, PathBuf};

use serde_json::Value;

/// The kernelspec template (`kernelspec/kernel.json` in the repository).
pub const KERNEL_JSON: &str = include_str!("../../kernelspec/kernel.json");
/// The 32×32 logo.
pub const LOGO_32: &[u8] = include_bytes!("../../kernelspec/logo-32x32.png");
/// The 64×64 logo.
pub const LOGO_64: &[u8] = include_bytes!("../../kernelspec/logo-64x64.png");

/// The kernel name used when none is given.
pub const DEFAULT_NAME: &str = "h5lab";

/// Where kernelspecs go, as Jupyter's `--user`, `--sys-prefix` and `--prefix` mean it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// The user's Jupyter data directory (the default: needs no privileges).
    User,
    /// The active environment's prefix (`VIRTUAL_ENV`, `CONDA_PREFIX`, else
    /// `/usr/local`).
    SysPrefix,
    /// `DIR/share/jupyter/kernels`.
    Prefix(PathBuf),
}

/// Environment lookups, so tests need not change the process's environment.
pub type Env<'a> = &'a dyn Fn(&str) -> Option<String>;

/// The real environment (empty values count as unset).
pub fn process_env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// The user's Jupyter data directory: `JUPYTER_DATA_DIR`, else on macOS
/// `~/Library/Jupyter`, on Windows `%APPDATA%\jupyter`, elsewhere
/// `$XDG_DATA_HOME/jupyter` or `~/.local/share/jupyter`.
pub fn user_data_dir(env: Env) -> Result<PathBuf, String> {
    if let Some(dir) = env("JUPYTER_DATA_DIR") {
        return Ok(PathBuf::from(dir));
    }
    if cfg!(windows) {
        if let Some(appdata) = env("APPDATA") {
            return Ok(Path::new(&appdata).join("jupyter"));
        }
    }
    let home = env("HOME").map(PathBuf::from).ok_or("HOME is not set: use --prefix DIR")?;
    if cfg!(target_os = "macos") {
        return Ok(home.join("Library/Jupyter"));
    }
    Ok(match env("XDG_DATA_HOME") {
        Some(xdg) => Path::new(&xdg).join("jupyter"),
        None => home.join(".local/share/jupyter"),
    })
}

/// The `kernels` directory of a location.
pub fn kernels_dir(location: &Location, env: Env) -> Result<PathBuf, String> {
    Ok(match location {
        Location::User => user_data_dir(env)?.join("kernels"),
        Location::SysPrefix => {
            let prefix = env("VIRTUAL_ENV").or_else(|| env("CONDA_PREFIX")).unwrap_or_else(|| "/usr/local".into());
            Path::new(&prefix).join("share/jupyter/kernels")
        }
        Location::Prefix(dir) => dir.join("share/jupyter/kernels"),
    })
}

/// Checks a kernel name as Jupyter does (letters, digits, `.`, `_`, `-`).
pub fn check_name(name: &str) -> Result<(), String> {
    let ok = !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    if ok {
        Ok(())
    } else {
        Err(format!("invalid kernel name {name:?}: use letters, digits, '.', '_' and '-'"))
    }
}

/// The kernel.json for `binary`, from the template.
pub fn kernel_json(binary: &Path, display_name: Option<&str>) -> Result<String, String> {
    let mut spec: Value = serde_json::from_str(KERNEL_JSON).map_err(|e| format!("kernelspec template: {e}"))?;
    let argv0 = spec.get_mut("argv").and_then(|a| a.get_mut(0)).ok_or("kernelspec template has no argv")?;
    *argv0 = Value::String(binary.to_string_lossy().into_owned());
    if let Some(name) = display_name {
        spec["display_name"] = Value::String(name.to_string());
    }
    serde_json::to_string_pretty(&spec).map(|s| s + "\n").map_err(|e| e.to_string())
}

/// Installs the kernelspec; the directory it went to.
pub fn install(location: &Location, name: &str, display_name: Option<&str>, env: Env) -> Result<PathBuf, String> {
    check_name(name)?;
    let binary = std::env::current_exe().map_err(|e| format!("cannot find this program's path: {e}"))?;
    let binary = binary.canonicalize().unwrap_or(binary);
    let dir = kernels_dir(location, env)?.join(name);
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let write = |file: &str, bytes: &[u8]| {
        let path = dir.join(file);
        std::fs::write(&path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
    };
    write("kernel.json", kernel_json(&binary, display_name)?.as_bytes())?;
    write("logo-32x32.png", LOGO_32)?;
    write("logo-64x64.png", LOGO_64)?;
    Ok(dir)
}

/// Removes an installed kernelspec; the directory removed.
pub fn uninstall(location: &Location, name: &str, env: Env) -> Result<PathBuf, String> {
    check_name(name)?;
    let dir = kernels_dir(location, env)?.join(name);
    if !dir.join("kernel.json").is_file() {
        return Err(format!("no kernelspec {name:?} in {}", dir.parent().unwrap_or(&dir).display()));
    }
    std::fs::remove_dir_all(&dir).map_err(|e| format!("cannot remove {}: {e}", dir.display()))?;
    Ok(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_of(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string())
    }

    #[test]
    fn locations_are_jupyters() {
        let env = env_of(&[("HOME", "/home/u"), ("VIRTUAL_ENV", "/venv")]);
        if !cfg!(any(windows, target_os = "macos")) {
            assert_eq!(kernels_dir(&Location::User, &env).unwrap(), Path::new("/home/u/.local/share/jupyter/kernels"));
        }
        assert_eq!(kernels_dir(&Location::SysPrefix, &env).unwrap(), Path::new("/venv/share/jupyter/kernels"));
        assert_eq!(
            kernels_dir(&Location::Prefix("/opt/x".into()), &env).unwrap(),
            Path::new("/opt/x/share/jupyter/kernels")
        );
        let bare = env_of(&[("HOME", "/home/u")]);
        assert_eq!(kernels_dir(&Location::SysPrefix, &bare).unwrap(), Path::new("/usr/local/share/jupyter/kernels"));
        let data = env_of(&[("JUPYTER_DATA_DIR", "/data")]);
        assert_eq!(kernels_dir(&Location::User, &data).unwrap(), Path::new("/data/kernels"));
    }

    #[test]
    fn kernel_json_has_the_binary_and_the_template_fields() {
        let text = kernel_json(Path::new("/opt/bin/h5lab-kernel"), None).unwrap();
        let spec: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(spec["argv"], serde_json::json!(["/opt/bin/h5lab-kernel", "--connection-file", "{connection_file}"]));
        assert_eq!(spec["display_name"], "HDF5 (h5lab)");
        assert_eq!(spec["language"], "python");
        assert_eq!(spec["interrupt_mode"], "message");
        let named = kernel_json(Path::new("/b"), Some("Other")).unwrap();
        assert!(named.contains("\"display_name\": \"Other\""));
    }

    #[test]
    fn logos_are_pngs_of_their_size() {
        for (png, size) in [(LOGO_32, 32u32), (LOGO_64, 64)] {
            assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
            assert_eq!(u32::from_be_bytes([png[16], png[17], png[18], png[19]]), size);
            assert_eq!(u32::from_be_bytes([png[20], png[21], png[22], png[23]]), size);
        }
    }

    #[test]
    fn names_are_checked() {
        assert!(check_name("h5lab-2.x_y").is_ok());
        assert!(check_name("").is_err());
        assert!(check_name("../evil").is_err());
        assert!(check_name("a b").is_err());
    }

    #[test]
    fn install_then_uninstall_in_a_prefix() {
        let tmp = tempfile::tempdir().unwrap();
        let location = Location::Prefix(tmp.path().to_path_buf());
        let env = env_of(&[]);
        let dir = install(&location, "h5lab-test", None, &env).unwrap();
        assert!(dir.join("kernel.json").is_file() && dir.join("logo-64x64.png").is_file());
        assert_eq!(uninstall(&location, "h5lab-test", &env).unwrap(), dir);
        assert!(!dir.exists());
        assert!(uninstall(&location, "h5lab-test", &env).is_err());
    }
}
