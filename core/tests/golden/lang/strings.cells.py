# %%
s = "Hello, World"
s
# %%
print(s)
# %%
s[0], s[-1], s[2:5], s[::-1], s[::2], s[-5:], s[100:], s[:-100]
# %%
s[20]
# %%
len(s), s.lower(), s.upper(), s.swapcase(), s.title(), 'hello world'.capitalize()
# %%
s.find('o'), s.rfind('o'), s.index('W'), s.count('l'), s.find('z'), 'o' in s
# %%
s.index('z')
# %%
s.replace('l', 'L'), s.replace('l', 'L', 1), s.split(', '), s.split('l'), 'a  b c'.split()
# %%
' x '.strip(), 'xxhixx'.strip('x'), '  a'.lstrip(), 'a  '.rstrip(), 'a,b,,c'.split(',', 1), 'a b c'.rsplit(' ', 1)
# %%
'-'.join(['a', 'b', 'c']), ''.join(reversed('abc')), ', '.join(str(i) for i in range(5))
# %%
'-'.join([1, 2])
# %%
'abc'.startswith('a'), 'abc'.endswith(('x', 'c')), 'abc'.isalpha(), '123'.isdigit(), 'a1'.isalnum(), '  '.isspace(), 'Ab'.isupper(), 'ab'.islower()
# %%
'line1\nline2\r\nline3'.splitlines(), 'a\tb'.expandtabs(4), 'ab'.center(6, '*'), 'ab'.ljust(5) + '|', 'ab'.rjust(5, '0'), '42'.zfill(5), '-42'.zfill(5)
# %%
'a,b;c'.partition(','), 'a,b,c'.rpartition(','), 'abc'.partition('x')
# %%
"it's", 'say "hi"', 'both \' and "', 'tab\there', 'nl\n', '\\', '\x00\x7f', 'é', '\u2603', '\U0001F600'
# %%
print('both \' and "', 'tab\there', '\\')
# %%
r'raw\n', b'bytes', b'\x00\xff', bytes([65, 66]), bytearray(b'ab') if False else 0
# %%
repr('a'), str(1.5), str([1, 'a']), ascii('é'), repr("'")
# %%
'abc' + 1
# %%
s.foo
# %%
s[0] = 'h'
# %%
'%s is %d years' % ('Bob', 30)
# %%
'%5.2f|%-6s|%06d|%x|%X|%o|%e|%g|%%|%r|%c' % (3.14159, 'ab', 42, 255, 255, 8, 12345.678, 0.0001, 'q', 65)
# %%
'%(name)s=%(val)d' % {'name': 'x', 'val': 3}
# %%
'%d' % 'a'
# %%
'%d %d' % (1,)
# %%
'%d' % (1, 2)
# %%
'{} and {}'.format('a', 'b'), '{1}{0}'.format('a', 'b'), '{x}-{y}'.format(x=1, y=2), '{0[1]}'.format([5, 6]), '{:>8}'.format('r')
# %%
'{:,}'.format(1234567), '{:_}'.format(1234567), '{:.3%}'.format(0.25), '{:+d}'.format(5), '{: d}'.format(5), '{:#x}'.format(255), '{:#b}'.format(5), '{:08.3f}'.format(-3.14159)
# %%
'{:e}'.format(1234.5), '{:.2e}'.format(0.000123), '{:g}'.format(1e-10), '{:g}'.format(123456789), '{:.10g}'.format(1/3), '{:n}'.format(1234)
# %%
'{:^10}|{:*<6}|{:=+8}'.format('mid', 'l', 42)
# %%
'{}'.format()
# %%
'{0} {}'.format(1, 2)
# %%
'{:d}'.format(1.5)
# %%
x, y = 3, 4.5
f'{x} + {y} = {x + y}', f'{x!r:>5}', f'{y:.3f}', f'{x=}', f'{y = :.1f}', f'{"q"!r}', f'{{literal}}'
# %%
name = 'world'
width = 12
f'[{name:^{width}}]', f'{name.upper()!s}', f'{[1, 2][0]}', f'{3.0:g}', f'{1e6:,.2f}', f'{12:#o}'
# %%
f'{x:s}'
# %%
f'{y:d}'
# %%
f'{1:.2}'
# %%
f"{'a' 'b'}", f'{"nested {x}"}', f'''{
x
}'''
# %%
format(3.14159, '.2f'), format(42, 'b'), format('s', '>3'), format(1e100), format(0.5, '%')
# %%
str(1e16), str(1.0), str(123.456), str(-0.0), str(1e-320), str(5e-324)
# %%
'abc'.encode(), 'é'.encode('utf-8'), b'\xc3\xa9'.decode(), b'abc'.upper(), b'a,b'.split(b','), b'ab'[0], b'abc'[1:]
# %%
b'\xff'.decode()
# %%
ord('a'), chr(97), ord('€'), chr(8364), [ord(c) for c in 'abc']
# %%
ord('ab')
# %%
sorted('hello'), list('abc'), tuple('ab'), 'abc'.maketrans('a', 'b') == {97: 98}, 'hello'.translate({108: None})
# %%
'a' * -1, 'ab' * 3, 'x'.join('123'), 'Mississippi'.count('ss'), 'abc'.casefold(), 'ß'.upper()
# %%
"""triple
quoted"""
# %%
'a' 'b' "c"
# %%
'%.3s|%5s|%-5d|%+.1e' % ('abcdef', 'x', 7, 12345.6789)
# %%
'%s' % [1, 2], '%s %s' % ('a', [1]), '%r' % 'x', '%a' % 'é', '%i' % 3.7, '%5.1f%%' % 99.5
