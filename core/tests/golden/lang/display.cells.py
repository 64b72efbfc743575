# %%
from IPython.display import display, clear_output, HTML, Markdown, Image, update_display
# %%
display(1)
# %%
display('text', [1, 2])
# %%
display(None)
# %%
display()
# %%
display(HTML('<b>bold</b>'))
# %%
HTML('<i>out</i>')
# %%
h = HTML('<p>x</p>')
h.data, repr(h)[:14]
# %%
Markdown('# Title')
# %%
display(Markdown('*md*'))
# %%
print('before')
display('middle')
print('after')
# %%
display(1, 2, 3)
42
# %%
x = display('with id', display_id='abc')
x
# %%
handle = display('first', display_id=True)
type(handle).__name__
# %%
update_display('updated', display_id='abc')
# %%
display('a', display_id='d1')
update_display('b', display_id='d1')
# %%
display('c', display_id='d2')
display('d', display_id='d2', update=True)
# %%
print('gone')
clear_output()
print('kept')
# %%
print('will clear')
clear_output(wait=True)
print('replacement')
# %%
display('x')
clear_output(wait=True)
# %%
import IPython
IPython.display.display('via module')
# %%
import IPython.display
IPython.display.HTML('<br>')
# %%
from IPython.display import display as d
d({'a': 1}, [list(range(30))])
# %%
from IPython import display as disp_mod
disp_mod.display('from submodule')
# %%
display(HTML('<b>1</b>'), Markdown('m'))
# %%
HTML('<b>')._repr_html_()
# %%
Markdown('**b**')._repr_markdown_()
# %%
display(print)
# %%
display(len)
# %%
display(display)
# %%
display('raw', raw=True)
# %%
display({'text/plain': 'custom plain', 'text/html': '<b>custom</b>'}, raw=True)
# %%
display(1, include=['text/plain'])
# %%
HTML
# %%
d1 = display('updatable', display_id='upd')
d1.update('changed by handle')
# %%
d1.display_id
# %%
HTML(data='<em>kw</em>')
# %%
HTML(5)
# %%
print(HTML('<b>print</b>'))
# %%
str(Markdown('s'))
# %%
def show_many():
    for i in range(3):
        display(i)
show_many()
# %%
display(*[1, 2])
# %%
png = bytes.fromhex('89504e470d0a1a0a0000000d4948445200000001000000010806000000' '1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082')
with open('pixel.png', 'wb') as fh:
    fh.write(png)
Image(filename='pixel.png')
# %%
display(Image(data=png))
# %%
Image(png)
# %%
from IPython.display import Latex, SVG, JSON
Latex('$x^2$')
# %%
display(HTML('<b>x</b>'), exclude=['text/html'])
