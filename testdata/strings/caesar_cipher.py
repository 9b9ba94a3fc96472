def shift_char(ch, k):
    if "a" <= ch <= "z":
        return chr((ord(ch) - ord("a") + k) % 26 + ord("a"))
    if "A" <= ch <= "Z":
        return chr((ord(ch) - ord("A") + k) % 26 + ord("A"))
    return ch

def caesar(text, k):
    return "".join(shift_char(ch, k) for ch in text)

message = "Attack at Dawn! Meet at the old bridge, 5 o'clock."
for k in [1, 3, 13, 25, -1, 52]:
    enc = caesar(message, k)
    print(k, enc, caesar(enc, -k) == message)

print(caesar(caesar("Why did the chicken cross the road?", 13), 13))

# Break a cipher by trying every shift and scoring common letters.
secret = caesar("the enemy knows the system and waits in the east", 11)
common = "etaoinshr"
best_score = -1
best_shift = 0
for k in range(26):
    guess = caesar(secret, -k)
    score = sum(1 for ch in guess if ch in common)
    if score > best_score:
        best_score, best_shift = score, k
print(secret)
print(best_shift, best_score, caesar(secret, -best_shift))

# Vigenere with a keyword.
def vigenere(text, key, direction):
    out = []
    i = 0
    for ch in text:
        if ch.isalpha():
            k = ord(key[i % len(key)].lower()) - ord("a")
            out.append(shift_char(ch, direction * k))
            i += 1
        else:
            out.append(ch)
    return "".join(out)

enc = vigenere("Meet me in the Library at Noon", "lemon", 1)
print(enc)
print(vigenere(enc, "lemon", -1))
print([ord(c) for c in "AZaz09 ~"], "".join(chr(n) for n in [72, 105, 33]))
