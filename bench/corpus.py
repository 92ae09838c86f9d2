"""Generates the benchmark corpora: go-live documents with task items, tables, fenced templates,
placeholders and deadlines, as a working tree or as a long git history (through git fast-import).
Deterministic for a given seed, so every run measures the same repository."""
import random
import subprocess
import sys

ROLES = ["DevOps", "Security", "SRE", "Release", "Support", "Product", "Data", "Network"]
VERBS = ["provisioned", "verified", "documented", "rotated", "tested", "briefed", "signed off", "deployed"]
THINGS = ["VPC and subnets", "database backups", "TLS certificates", "secret store", "alert routes",
          "runbook", "status page", "rollback plan", "load test", "on-call rota", "DNS records", "IAM policies"]
PLACEHOLDERS = ["[Primär-On-Call]", "[Backup-On-Call]", "[Status-Kanal]", "[Incident-Kanal]", "TBD", "[Owner]"]


def item_text(rng):
    return f"{rng.choice(THINGS).capitalize()} {rng.choice(VERBS)} ({rng.choice(ROLES)}, #{rng.randrange(10000)})"


def document(rng, index, lines_wanted):
    role = ROLES[index % len(ROLES)]
    out = [f"# TASK {index}: {role} go-live", "", "Stand: 2026-03-01 (Europe/Berlin)", "",
           f"**Owner:** {role}-Lead", f"**Deadline:** 2026-03-{rng.randrange(2, 9):02d} EOD", ""]
    section = 0
    while len(out) < lines_wanted:
        section += 1
        kind = rng.random()
        out += [f"## {section}. {rng.choice(THINGS).capitalize()}", ""]
        if kind < 0.15:
            out += ["| Day | Phase | Owner | Status |", "|---|---|---|---|"]
            out += [f"| Mar {d} | {rng.choice(THINGS)} | {rng.choice(ROLES)}-Lead | Not started |" for d in range(1, 6)]
        elif kind < 0.25:
            out += ["```markdown", "Go / No-Go: ______", "Entscheider: ______", f"- [ ] {rng.choice(ROLES)}", "```"]
        else:
            if rng.random() < 0.5:
                out += [f"Frist: {rng.randrange(1, 9):02d}.03.2026", ""]
            for _ in range(rng.randrange(5, 12)):
                suffix = f" (bis 2026-03-{rng.randrange(2, 9):02d})" if rng.random() < 0.2 else ""
                mark = "x" if rng.random() < 0.3 else " "
                out.append(f"- [{mark}] {item_text(rng)}{suffix}")
            if rng.random() < 0.4:
                out += ["", f"On-Call: {rng.choice(PLACEHOLDERS)}"]
        out.append("")
    return out


def step(rng, lines):
    """One random edit: check, uncheck, edit an item, fill or add a placeholder, move a deadline."""
    end = lines.index(SIGNOFF_HEADING) if SIGNOFF_HEADING in lines else len(lines)
    items = [i for i, line in enumerate(lines[:end]) if line.startswith("- [")]
    choice = rng.random()
    if items and choice < 0.35:
        i = rng.choice(items)
        lines[i] = lines[i].replace("- [ ]", "- [x]", 1) if lines[i].startswith("- [ ]") else lines[i].replace("- [x]", "- [ ]", 1)
    elif items and choice < 0.55:
        i = rng.choice(items)
        lines[i] = lines[i][:6] + item_text(rng)
    elif choice < 0.75:
        holders = [i for i, line in enumerate(lines) if line.startswith("On-Call: ")]
        if holders:
            i = rng.choice(holders)
            lines[i] = "On-Call: " + (rng.choice(PLACEHOLDERS) if "[" not in lines[i] and "TBD" not in lines[i] else f"Person {rng.randrange(999)}")
    elif choice < 0.9:
        deadlines = [i for i, line in enumerate(lines) if line.startswith("**Deadline:**") or line.startswith("Frist:")]
        if deadlines:
            i = rng.choice(deadlines)
            lines[i] = f"**Deadline:** 2026-03-{rng.randrange(2, 28):02d} EOD" if lines[i].startswith("**") else f"Frist: {rng.randrange(1, 28):02d}.03.2026"
    elif items:
        i = rng.choice(items)
        lines.insert(i + 1, f"- [ ] {item_text(rng)}")


SIGNOFF_HEADING = "## Sign-off"
APPROVERS = {"Security": ("Carol Weiss", "carol"), "Product": ("Bob Brandt", "bob"), "SRE": ("Dana Ruiz", "dana"),
             "Legal": ("Alice Adler", "alice")}
SIGNOFF_CONFIGURATION = "signoff:\n  roles:\n" + "".join(f"    {role}: [{mail}@example.com]\n" for role, (_, mail) in APPROVERS.items()) \
    + "  stale: document\n"


def sign(rng, lines, day):
    """Gives one open approval of the sign-off section, by its approver; returns who signed."""
    start = lines.index(SIGNOFF_HEADING)
    open_ones = [i for i in range(start, len(lines)) if lines[i].startswith("- [ ] ")]
    if not open_ones:
        return None
    i = rng.choice(open_ones)
    role = lines[i][6:]
    name, mail = APPROVERS[role]
    lines[i] = f"- [x] {role} — {name}, 2026-03-{day:02d}"
    return name, mail


AUTHORS = [("Alice Adler", "alice"), ("Bob Brandt", "bob"), ("Carol Weiss", "carol"), ("Dana Ruiz", "dana")]


def data(payload):
    """A `git fast-import` data block."""
    out = sys.stdout.buffer
    out.write(b"data %d\n" % len(payload))
    out.write(payload)
    out.write(b"\n")


def commit_header(name, mail, when, message):
    out = sys.stdout.buffer
    out.write(b"commit refs/heads/main\n")
    out.write(f"author {name} <{mail}@example.com> {when} +0100\n".encode())
    out.write(f"committer {name} <{mail}@example.com> {when} +0100\n".encode())
    data(message.encode())


def write_worktree(directory, count, seed=7):
    import os
    rng = random.Random(seed)
    os.makedirs(f"{directory}/docs", exist_ok=True)
    for index in range(count):
        text = "\n".join(document(rng, index, rng.randrange(200, 400))) + "\n"
        with open(f"{directory}/docs/TASK_{index:04d}.md", "w", encoding="utf-8") as handle:
            handle.write(text)


def history_stream(commits, documents, seed=11, signoff=False):
    """With `signoff`, every document ends in a sign-off section, approvers are configured, and
    approvals are given by their approvers over the last tenth of the commits, as launches go:
    work first, sign-offs at the end, some work after a sign-off (stale approvals)."""
    rng = random.Random(seed)
    docs = [document(rng, i, 200) for i in range(documents)]
    if signoff:
        for doc in docs:
            doc += [SIGNOFF_HEADING, ""] + [f"- [ ] {role}" for role in APPROVERS] + [""]
    signing = random.Random(seed + 1)
    when = 1772000000
    out = sys.stdout.buffer
    for number in range(commits):
        name, mail = AUTHORS[rng.randrange(len(AUTHORS))]
        when += rng.randrange(60, 600)
        signed = None
        if signoff and number > commits * 9 // 10 and signing.random() < 0.5:
            index = signing.randrange(documents)
            signed = sign(signing, docs[index], 2 + number % 5)
            if signed:
                name, mail = signed
        commit_header(name, mail, when, f"step {number}")
        if number == 0:
            changed = range(documents)
            out.write(b"M 100644 inline README.md\n")
            data(b"# bench\n")
            if signoff:
                out.write(b"M 100644 inline .golint.yml\n")
                data(SIGNOFF_CONFIGURATION.encode())
        elif signed:
            changed = {index}
        else:
            changed = {rng.randrange(documents) for _ in range(rng.choice([1, 1, 1, 2, 3]))}
            for index in changed:
                step(rng, docs[index])
            if rng.random() < 0.2:
                out.write(b"M 100644 inline src/code.txt\n")
                data(f"code {number}\n".encode())
        for index in sorted(changed):
            out.write(f"M 100644 inline docs/TASK_{index:02d}.md\n".encode())
            data(("\n".join(docs[index]) + "\n").encode())
        out.write(b"\n")


STATES = ["Not started", "In progress", "Blocked", "Done", "✅ Done", "offen", "erledigt"]


def mixed_document(rng, index):
    """A launch plan as teams write them: a status table, a T-minus schedule from a go-live anchor,
    an escalation list of placeholders, a decision and a sign-off section."""
    role = ROLES[index % len(ROLES)]
    out = [f"# GO-LIVE {index}: {role}", "", f"**Go-Live:** 2026-03-{rng.randrange(5, 20):02d} 10:00 CET", "",
           f"**Owner:** {role}-Lead", "", "## Status", "", "| Task | Owner | Due | Status |", "|---|---|---|---|"]
    out += [table_row(rng) for _ in range(rng.randrange(15, 30))]
    out += [""]
    for offset in ("T-48h", "T-24h", "T-2h", "T-0", "T+2h"):
        out += [f"### {offset}", ""] + [f"- [{'x' if rng.random() < 0.3 else ' '}] {item_text(rng)}" for _ in range(rng.randrange(3, 8))] + [""]
    out += ["## Eskalation", ""] + [f"- {rng.choice(ROLES)}: {rng.choice(PLACEHOLDERS)}" for _ in range(5)] + [""]
    out += ["## Go/No-Go", "", "Go / No-Go: ______", "Entscheider: ______", ""]
    out += [SIGNOFF_HEADING, ""] + [f"- [ ] {role}" for role in APPROVERS] + [""]
    return out


def table_row(rng):
    return f"| {item_text(rng)} | {rng.choice(ROLES)}-Lead | 2026-03-{rng.randrange(1, 28):02d} | {rng.choice(STATES)} |"


def mixed_step(rng, lines, day):
    """One edit of a mixed plan: a row's status or date, a new row, a schedule item, a placeholder,
    the decision, or a sign-off (then returns the signer, who makes the commit)."""
    rows = [i for i, line in enumerate(lines) if line.startswith("| ") and not line.startswith("| Task")]
    end = lines.index(SIGNOFF_HEADING)
    items = [i for i, line in enumerate(lines[:end]) if line.startswith("- [")]
    holders = [i for i, line in enumerate(lines) if line.startswith("- ") and not line.startswith("- [")]
    choice = rng.random()
    if rows and choice < 0.3:
        i = rng.choice(rows)
        cells = lines[i].split(" | ")
        cells[-1] = rng.choice(STATES) + " |"
        lines[i] = " | ".join(cells)
    elif rows and choice < 0.45:
        i = rng.choice(rows)
        cells = lines[i].split(" | ")
        cells[2] = f"2026-03-{rng.randrange(1, 28):02d}"
        lines[i] = " | ".join(cells)
    elif rows and choice < 0.55:
        lines.insert(rng.choice(rows) + 1, table_row(rng))
    elif items and choice < 0.7:
        i = rng.choice(items)
        lines[i] = lines[i].replace("- [ ]", "- [x]", 1) if lines[i].startswith("- [ ]") else lines[i].replace("- [x]", "- [ ]", 1)
    elif holders and choice < 0.85:
        i = rng.choice(holders)
        head = lines[i].split(": ")[0]
        lines[i] = f"{head}: " + (f"Person {rng.randrange(999)}" if "[" in lines[i] or "TBD" in lines[i] else rng.choice(PLACEHOLDERS))
    elif choice < 0.9:
        for i, line in enumerate(lines):
            if line.startswith("Go / No-Go:"):
                lines[i] = "Go / No-Go: " + rng.choice(["GO", "NO-GO", "______"])
    elif choice < 0.95:
        return sign(rng, lines, day)
    else:
        anchor = next(i for i, line in enumerate(lines) if line.startswith("**Go-Live:**"))
        lines[anchor] = f"**Go-Live:** 2026-03-{rng.randrange(5, 28):02d} 10:00 CET"


def mixed_history_stream(commits, documents, seed=13):
    """A history of launch plans edited in every way `mixed_step` knows, by four authors; every
    fiftieth commit renames a document (moved between folders, sometimes edited in the same commit)."""
    rng = random.Random(seed)
    docs = [mixed_document(rng, i) for i in range(documents)]
    paths = [f"docs/GO_LIVE_{i:02d}.md" for i in range(documents)]
    when = 1772000000
    out = sys.stdout.buffer
    for number in range(commits):
        name, mail = AUTHORS[rng.randrange(len(AUTHORS))]
        when += rng.randrange(60, 600)
        operations = []
        if number == 0:
            changed = set(range(documents))
            operations.append(("README.md", b"# bench\n"))
            operations.append((".golint.yml", SIGNOFF_CONFIGURATION.encode()))
        elif number % 50 == 0:
            index = rng.randrange(documents)
            new = f"{rng.choice(['docs', 'docs/launch', 'docs/archive', 'plans'])}/GO_LIVE_{index:02d}.md"
            changed = set()
            if new != paths[index]:
                operations.append((f"R {paths[index]} {new}", None))
                paths[index] = new
                if rng.random() < 0.5:
                    changed = {index}
                    mixed_step(rng, docs[index], 2 + number % 20)
        else:
            changed = {rng.randrange(documents) for _ in range(rng.choice([1, 1, 1, 2, 3]))}
            for index in sorted(changed):
                signer = mixed_step(rng, docs[index], 2 + number % 20)
                if signer:
                    name, mail = signer
        commit_header(name, mail, when, f"step {number}")
        for path, payload in operations:
            if payload is None:
                out.write(f"{path}\n".encode())
            else:
                out.write(f"M 100644 inline {path}\n".encode())
                data(payload)
        for index in sorted(changed):
            out.write(f"M 100644 inline {paths[index]}\n".encode())
            data(("\n".join(docs[index]) + "\n").encode())
        out.write(b"\n")


def main():
    mode = sys.argv[1]
    if mode == "worktree":
        write_worktree(sys.argv[2], int(sys.argv[3]))
    elif mode in ("history", "history-signoff"):
        history_stream(int(sys.argv[2]), int(sys.argv[3]), signoff=mode == "history-signoff")
    elif mode == "history-mixed":
        mixed_history_stream(int(sys.argv[2]), int(sys.argv[3]))
    else:
        raise SystemExit("usage: corpus.py worktree DIR COUNT | history COMMITS DOCUMENTS | history-signoff COMMITS DOCUMENTS | history-mixed COMMITS DOCUMENTS")


if __name__ == "__main__":
    main()
