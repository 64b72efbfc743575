# %%
ba = bytearray(b'hello')
ba
# %%
bytearray(), bytearray(3), bytearray([65, 66, 67]), bytearray('hé', 'utf-8')
# %%
len(ba), ba[0], ba[-1], ba[1:3], type(ba)
# %%
ba[0] = 72
ba.append(33)
ba.extend(b' ok')
print(ba)
# %%
ba == b'Hello! ok', ba == bytearray(b'Hello! ok'), ba != b'x', b'ok' in ba, 72 in ba
# %%
bytes(ba), list(ba[:3]), ba.decode(), ba.hex()
# %%
ba.pop(), ba.pop(0), ba
# %%
ba + b'!', bool(bytearray()), bool(ba)
# %%
ba[0] = 300
# %%
ba[0] = 'x'
# %%
ba[100]
# %%
hash(ba)
# %%
c = ba.copy()
c.clear()
c, ba, isinstance(ba, bytearray)
# %%
ba.startswith(b'el'), ba.find(b'o'), ba.count(b'l')
# %%
str(bytearray(b'a\x00"\''))
