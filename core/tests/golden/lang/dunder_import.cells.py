# %%
__import__('math').pi
# %%
__import__('os.path').sep, __import__('os.path', fromlist=['x']).__name__
# %%
__import__(3)
# %%
__import__('nope')
