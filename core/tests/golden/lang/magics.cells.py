# %%
%pwd
# %%
import os
os.getcwd() == %pwd
# %%
!echo hello from the shell
# %%
!echo one; echo two 1>&2; echo three
# %%
_exit_code
# %%
!exit 3
# %%
_exit_code
# %%
!false
# %%
_exit_code
# %%
name = 'world'
!echo hello $name
# %%
!echo {name.upper()} and {1 + 2}
# %%
!echo $nonexistent_var_xyz {undefined_name_xyz}
# %%
!echo $$HOME_IS_ESCAPED
# %%
!echo '$name' "$name"
# %%
files = !ls
files
# %%
!touch a.txt b.txt
files = !ls
files
# %%
type(files).__name__, files[0], len(files)
# %%
files.n
# %%
files.s
# %%
files.l
# %%
out = !printf 'x y\nz w\n'
out, out.fields(0)
# %%
out.grep('z')
# %%
!!echo captured
# %%
lines = !echo one; echo two
lines
# %%
%ls
# %%
%mkdir newdir
# %%
%cd newdir
# %%
%pwd
# %%
!pwd
# %%
%cd ..
# %%
%cd /nonexistent/path/xyz
# %%
%rmdir newdir
# %%
%who
# %%
a_var = 1
b_var = 'text'
%who
# %%
%who str
# %%
%whos
# %%
def my_function(x):
    return x
%who function
# %%
%reset -f
# %%
%who
# %%
a_var
# %%
x = 1
%reset -f
x
# %%
%nonexistent_magic
# %%
%%nonexistent_cell_magic
x = 1
# %%
!cat nonexistent_file_xyz
# %%
_exit_code
# %%
%cd /tmp
# %%
%cd -
# %%
%env HOME_TEST_VAR=abc
# %%
%env HOME_TEST_VAR
# %%
import os
os.environ['HOME_TEST_VAR']
# %%
!echo $HOME_TEST_VAR
# %%
%%bash
echo from bash cell
echo second line
# %%
%%capture captured
print('hidden')
# %%
captured.stdout
# %%
%%writefile written.txt
line 1
line 2
# %%
!cat written.txt
# %%
!echo 'a b' | wc -w
# %%
r = !echo test
r.s, r.n, str(r), list(r)
# %%
!ls nonexistent_dir_xyz
# %%
!sleep 0 &
# %%
def failing():
    return {}['k']
failing()
# %%
%tb
# %%
%who_ls
# %%
try:
    1 / 0
except ZeroDivisionError:
    pass
%tb
# %%
x = 5
%reset -f
# %%
_
# %%
%tb
# %%
Out, In[-1]
# %%
%who_ls
# %%
y = 1
%who_ls
# %%
%pwd;
# %%
v = %pwd
v == %pwd
# %%
!!echo a; echo b
# %%
%ls nonexistent
# %%
%whos
# %%
long_value = 'x' * 100
items = [1, 2, 3]
%whos
# %%
!h5dump nonexistent.h5
# %%
_exit_code
# %%
!h5ls nonexistent.h5
# %%
out = !h5ls nonexistent.h5
out, _exit_code
