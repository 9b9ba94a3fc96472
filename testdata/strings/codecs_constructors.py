# str(bytes, encoding, errors) and bytes(str, encoding, errors) share the codecs of str.encode/bytes.decode.
for args in [(b"caf\xc3\xa9", "utf-8"), (b"caf\xe9", "latin-1"), (b"abc", "ascii"), (b"caf\xc3\xa9", "ascii", "replace"), (b"caf\xc3\xa9", "ascii", "ignore"), (b"\xff", "utf-8", "strict"), (b"x", "utf-99")]:
    try:
        print(repr(str(*args)))
    except Exception as e:
        print(type(e).__name__, e)
for args in [("café", "utf-8"), ("café", "latin-1"), ("café", "ascii"), ("café", "ascii", "replace"), ("café", "ascii", "xmlcharrefreplace"), ("x", "nope")]:
    try:
        print(bytes(*args))
    except Exception as e:
        print(type(e).__name__, e)
