data = b"hello"
print(data, repr(data), len(data), data[0], data[-1], data[1:3], data[::-1], type(data[0]).__name__)
print(b"", b"\x00\x01\xff", b"tab\tnew\nline", b"quote'", b'dq"', b"both'\"", b"\\", b"\x7f\x80")
print(data + b" world", data * 2, b"ell" in data, b"z" in data, 104 in data, data == b"hello", data != b"Hello")
print(b"abc" < b"abd", b"abc" < b"ab", b"" < b"\x00", list(b"AZaz"), list(b""))
print(data[1:], data[:-1], data[10:], data[::2], data[-3:-1], b"ab" * 0, b"-" * 5 + b"|")
print([b for b in b"\x01\x02\x03"], sum(b"abc"), max(b"hello"), min(b"hello"), sorted(b"dcba"))
print(b"hello" == b"hel" + b"lo", b"x" in b"xyz", b"xz" in b"xyz", 0 in b"a\x00", len(b"\x00" * 3))

# Checksum of a message.
message = b"The quick brown fox"
total = 0
for byte in message:
    total = (total + byte) % 256
print("sum8:", total, "xor:", end=" ")
x = 0
for byte in message:
    x ^= byte
print(x)

# Hex dump.
blob = b"Binary\x00data\xfe\xff with bytes!"
for offset in range(0, len(blob), 8):
    chunk = blob[offset:offset + 8]
    hex_part = " ".join(hex(b)[2:].rjust(2, "0") for b in chunk)
    text_part = "".join(chr(b) if 32 <= b < 127 else "." for b in chunk)
    print(hex(offset)[2:].rjust(4, "0"), hex_part.ljust(23), text_part)

print(hash(b"abc") == hash(b"abc"), b"abc" == "abc", {b"k": 1}.get(b"k"))
try:
    data[0] = 72
except TypeError as e:
    print("TypeError:", e)
try:
    b"abc" + "def"
except TypeError as e:
    print("TypeError:", e)
try:
    print(data[10])
except IndexError as e:
    print("IndexError:", e)
