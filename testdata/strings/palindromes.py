def normalize(s):
    return "".join(ch.lower() for ch in s if ch.isalnum())

def is_palindrome(s):
    t = normalize(s)
    return t == t[::-1]

candidates = [
    "A man, a plan, a canal: Panama",
    "racecar",
    "hello",
    "Was it a car or a cat I saw?",
    "No 'x' in Nixon",
    "",
    "ab",
    "Step on no pets",
    "12321",
    "123 21",
]
for c in candidates:
    print(repr(c), is_palindrome(c), repr(normalize(c)))

# Longest palindromic substring by expanding around centers.
def longest_palindrome(s):
    best = ""
    for center in range(len(s)):
        for lo, hi in [(center, center), (center, center + 1)]:
            while lo >= 0 and hi < len(s) and s[lo] == s[hi]:
                lo -= 1
                hi += 1
            if hi - lo - 1 > len(best):
                best = s[lo + 1:hi]
    return best

for s in ["babad", "cbbd", "forgeeksskeegfor", "abacdfgdcaba", "x", "aaaa"]:
    print(s, "->", longest_palindrome(s))

# Palindromic numbers and reversal.
pals = [n for n in range(10, 300) if str(n) == str(n)[::-1]]
print(pals)
n = 87
steps = 0
while str(n) != str(n)[::-1]:
    n = n + int(str(n)[::-1])
    steps += 1
print("87 becomes palindrome", n, "after", steps, "steps")
words = ["level", "noon", "civic", "python", "refer", "stats", "java"]
print([w for w in words if w == w[::-1]], sorted(words, key=lambda w: w[::-1]))
