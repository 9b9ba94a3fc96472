"""from __future__ imports: accepted after the docstring, bound to their
feature records at run time; annotations are not evaluated under
`annotations` (forward references work)."""
from __future__ import annotations
from __future__ import division, print_function, generator_stop

import __future__


class Node:
    def __init__(self, nxt: Node | None, value: int) -> None:
        self.nxt = nxt
        self.value = value

    def walk(self) -> Iterator[int]:
        node: Node | None = self
        while node is not None:
            yield node.value
            node = node.nxt


print(list(Node(Node(None, 2), 1).walk()))
print(annotations)
print(division.getOptionalRelease(), division.getMandatoryRelease())
print(__future__.annotations is annotations, __future__.all_feature_names)
print(7 / 2, __future__.CO_FUTURE_ANNOTATIONS == annotations.compiler_flag)
