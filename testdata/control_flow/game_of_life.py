def step(live, width, height):
    counts = {}
    for (r, c) in live:
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                if dr == 0 and dc == 0:
                    continue
                cell = ((r + dr) % height, (c + dc) % width)
                counts[cell] = counts.get(cell, 0) + 1
    new = set()
    for cell, n in counts.items():
        if n == 3 or (n == 2 and cell in live):
            new.add(cell)
    return new

def render(live, width, height):
    lines = []
    for r in range(height):
        lines.append("".join("#" if (r, c) in live else "." for c in range(width)))
    return "\n".join(lines)

W, H = 8, 6
glider = {(0, 1), (1, 2), (2, 0), (2, 1), (2, 2)}
live = glider
for gen in range(5):
    print("generation", gen, "population", len(live))
    print(render(live, W, H))
    live = step(live, W, H)

blinker = {(2, 1), (2, 2), (2, 3)}
states = [blinker]
for _ in range(4):
    states.append(step(states[-1], 5, 5))
print([sorted(s) for s in states[:3]])
print("period 2:", states[0] == states[2] == states[4], states[0] != states[1])

block = {(1, 1), (1, 2), (2, 1), (2, 2)}
print("block stable:", step(block, 6, 6) == block)

# Run a random-looking seed (deterministic LCG) until it repeats or dies.
seed = 12345
cells = set()
for r in range(H):
    for c in range(W):
        seed = (seed * 1103515245 + 12345) % 2 ** 31
        if seed % 3 == 0:
            cells.add((r, c))
seen = []
while cells and cells not in seen and len(seen) < 60:
    seen.append(cells)
    cells = step(cells, W, H)
print("steps:", len(seen), "final population:", len(cells), "repeat" if cells in seen else "end")
