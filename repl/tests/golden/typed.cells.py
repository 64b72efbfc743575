# %%
1+2+3
# %%
print('hello, world')
# %%
words = ['group', 'dataset', 'attribute']
# %%
sorted(words, key=len)
# %%
[n * n for n in range(1, 30)]
# %%
{'a': 1, 'b': [1, 2], 'c': 'x' * 3}
# %%
for w in words:
    print(w.upper())
# %%
def sq(x):
    return x * x
# %%
sq(7)
# %%
raise ValueError('boom')
# %%
words[5]
# %%
sq('a')
# %%
import numpy as np; np.linspace(0, 1, 5)
# %%
x = 10; x / 4
