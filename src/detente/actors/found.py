"""A phrase found in the text on its way to becoming an actor mention, and the code an
agent takes from its owner ("Turkish" + "soldiers" -> TURMIL)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from detente.model import ActorRef

from .codes import is_country
from .dictionary import AgentPattern
from .entries import Entry


@dataclass
class Found:
    start: int
    end: int
    ref: ActorRef | None
    via: str
    agent: AgentPattern | None = None
    basis: str = "named"
    group: Entry | None = None     # a group placed where it acts (JNIM, ISWAP)

    @property
    def has_country(self) -> bool:
        return self.ref is not None and is_country(self.ref.country)


def agent_ref(owner: ActorRef, agent: AgentPattern, text: str) -> ActorRef:
    if owner.kind in ("organisation", "group") or not is_country(owner.country):
        return replace(owner, kind=owner.kind)
    base = owner.code[:3]
    code = agent.role + base if agent.prefix else base + agent.role
    owner_name = owner.name if owner.kind == "country" else owner.country
    return ActorRef(code=code, country=owner.country, name=f"{owner_name} {text.lower()}",
                    kind="agent")
