# %%
%colors nocolor
# %%
def tabbed(x):
	if x:   
		return 1 / 0
	return x

tabbed(True)
# %%
x = 'trailing spaces'    
y = x["key"]  # comment
# %%
try:
    {}['k']
except KeyError as e:
    raise ValueError('bad key') from e
# %%
s = 'unterminated
# %%
raise KeyboardInterrupt
