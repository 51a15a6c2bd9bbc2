"""The directory of migrant organisations and the satisfaction survey among them."""

from __future__ import annotations

from dataclasses import dataclass

from bot.db.core import Queries, utcnow

ORG_COLUMNS = (
    "id, owner_id, name, legal_form, district, topics, languages, size, own_rooms, needs, "
    "networking, created_at, updated_at, formats"
)


@dataclass(frozen=True)
class Organisation:
    """A directory entry; multi-valued fields as tuples of ids."""

    id: int
    owner_id: int
    name: str
    legal_form: str
    district: str
    topics: tuple[str, ...]
    languages: tuple[str, ...]
    size: str
    own_rooms: bool
    needs: tuple[str, ...]
    networking: bool
    created_at: str
    updated_at: str
    formats: tuple[str, ...] = ()  # what it offers (bot/directory/service.py FORMATS)


def _split(value: object) -> tuple[str, ...]:
    return tuple(x for x in str(value or "").split(",") if x)


def _org(row: object) -> Organisation:
    d = dict(row)  # type: ignore[call-overload]
    for key in ("topics", "languages", "needs", "formats"):
        d[key] = _split(d[key])
    d["own_rooms"], d["networking"] = bool(d["own_rooms"]), bool(d["networking"])
    return Organisation(**d)


class DirectoryQueries(Queries):
    async def save_organisation(self, owner_id: int, values: dict[str, object]) -> None:
        """Insert or replace the owner's entry (one per board member)."""
        now = utcnow()
        fields = [
            values["name"],
            values["legal_form"],
            values["district"],
            ",".join(values["topics"]),  # type: ignore[arg-type]
            ",".join(values["languages"]),  # type: ignore[arg-type]
            values["size"],
            int(values["own_rooms"] == "yes"),
            ",".join(values["needs"]),  # type: ignore[arg-type]
            int(values["networking"] == "yes"),
            ",".join(values.get("formats", ())),  # type: ignore[arg-type]
        ]
        await self._conn.execute(
            "INSERT INTO organisations (owner_id, name, legal_form, district, topics, languages, "
            "size, own_rooms, needs, networking, formats, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (owner_id) DO UPDATE SET name = excluded.name, "
            "legal_form = excluded.legal_form, district = excluded.district, "
            "topics = excluded.topics, languages = excluded.languages, size = excluded.size, "
            "own_rooms = excluded.own_rooms, needs = excluded.needs, "
            "networking = excluded.networking, formats = excluded.formats, "
            "updated_at = excluded.updated_at",
            (owner_id, *fields, now, now),
        )

    async def organisation_of(self, owner_id: int) -> Organisation | None:
        async with self._query(
            f"SELECT {ORG_COLUMNS} FROM organisations WHERE owner_id = ?", (owner_id,)
        ) as cur:
            row = await cur.fetchone()
        return _org(row) if row else None

    async def delete_organisation(self, owner_id: int) -> bool:
        async with self._conn.execute(
            "DELETE FROM organisations WHERE owner_id = ?", (owner_id,)
        ) as cur:
            return cur.rowcount > 0

    async def organisations(self) -> list[Organisation]:
        """Every entry, by name (case-insensitive)."""
        async with self._query(
            f"SELECT {ORG_COLUMNS} FROM organisations ORDER BY name COLLATE NOCASE, id"
        ) as cur:
            return [_org(r) for r in await cur.fetchall()]

    async def organisation_count(self) -> int:
        async with self._query("SELECT COUNT(*) FROM organisations") as cur:
            row = await cur.fetchone()
        return int(row[0]) if row else 0

    async def organisation_owner_ids(self, field: str, value: str) -> set[int]:
        """Owners of the entries in a district or working on a topic (broadcast audiences)."""
        if field == "district":
            sql = "SELECT owner_id FROM organisations WHERE district = ?"
        elif field == "topic":
            sql = "SELECT owner_id FROM organisations WHERE instr(',' || topics || ',', ?) > 0"
            value = f",{value},"
        else:
            raise ValueError(field)
        async with self._query(sql, (value,)) as cur:
            return {int(r[0]) for r in await cur.fetchall()}

    async def forget_directory_user(self, user_id: int) -> None:
        """For /deletemydata: the user's entry and whether they were asked (answers are
        pseudonymous and stay, as in the evaluation log)."""
        async with self.transaction():
            await self._conn.execute("DELETE FROM organisations WHERE owner_id = ?", (user_id,))
            await self._conn.execute("DELETE FROM survey_invites WHERE user_id = ?", (user_id,))
