# An inventory simulation in modern style: dataclasses, enums and type hints
# together (orders, restocking, reports), written here.
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum, auto
from typing import Iterator, Optional
import random


class Category(Enum):
    TOOL = auto()
    PART = auto()
    BOOK = auto()


class Status(Enum):
    OPEN = "open"
    SHIPPED = "shipped"
    BACKORDER = "backorder"


@dataclass(order=True)
class Item:
    sku: str
    category: Category = field(compare=False)
    price: float = field(compare=False)
    stock: int = field(default=0, compare=False)


@dataclass
class Order:
    number: int
    lines: list[tuple[str, int]]
    status: Status = Status.OPEN
    notes: list[str] = field(default_factory=list)

    def total(self, catalog: dict[str, Item]) -> float:
        return sum(catalog[sku].price * qty for sku, qty in self.lines)


@dataclass
class Warehouse:
    catalog: dict[str, Item] = field(default_factory=dict)
    orders: list[Order] = field(default_factory=list)

    def add(self, item: Item) -> None:
        self.catalog[item.sku] = item

    def place(self, order: Order) -> Status:
        missing = [sku for sku, qty in order.lines if self.catalog[sku].stock < qty]
        if missing:
            order.status = Status.BACKORDER
            order.notes.append("short: " + ", ".join(missing))
        else:
            for sku, qty in order.lines:
                self.catalog[sku].stock -= qty
            order.status = Status.SHIPPED
        self.orders.append(order)
        return order.status

    def restock(self, amount: int) -> Iterator[str]:
        for item in sorted(self.catalog.values()):
            if item.stock < amount:
                item.stock = amount
                yield item.sku

    def find(self, sku: str) -> Optional[Item]:
        return self.catalog.get(sku)


def build(rng: random.Random) -> Warehouse:
    w = Warehouse()
    for i in range(12):
        cat = list(Category)[i % len(Category)]
        w.add(Item(f"{cat.name[0]}{i:03d}", cat, round(rng.uniform(1, 50), 2), rng.randint(0, 9)))
    return w


rng = random.Random(42)
w = build(rng)
skus = sorted(w.catalog)
for n in range(30):
    lines = [(rng.choice(skus), rng.randint(1, 4)) for _ in range(rng.randint(1, 3))]
    status = w.place(Order(n, lines))
    if n % 10 == 9:
        print("restocked", list(w.restock(6)))
by_status = {s: [o.number for o in w.orders if o.status is s] for s in Status}
for s, nums in by_status.items():
    print(f"{s.value:>9}: {len(nums):2d} {nums[:6]}")
best = max(w.orders, key=lambda o: o.total(w.catalog))
print("largest", best.number, f"{best.total(w.catalog):.2f}", best.status, best.notes)
print(w.find(skus[0]), w.find("nope"))
print(sorted(w.catalog.values())[:2])
print({c.name: sum(i.stock for i in w.catalog.values() if i.category is c) for c in Category})
