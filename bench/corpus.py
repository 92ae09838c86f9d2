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
    authors = [("Alice Adler", "alice"), ("Bob Brandt", "bob"), ("Carol Weiss", "carol"), ("Dana Ruiz", "dana")]
    when = 1772000000
    out = sys.stdout.buffer

    def data(payload):
        out.write(b"data %d\n" % len(payload))
        out.write(payload)
        out.write(b"\n")

    for number in range(commits):
        name, mail = authors[rng.randrange(len(authors))]
        when += rng.randrange(60, 600)
        signed = None
        if signoff and number > commits * 9 // 10 and signing.random() < 0.5:
            index = signing.randrange(documents)
            signed = sign(signing, docs[index], 2 + number % 5)
            if signed:
                name, mail = signed
        out.write(b"commit refs/heads/main\n")
        out.write(f"author {name} <{mail}@example.com> {when} +0100\n".encode())
        out.write(f"committer {name} <{mail}@example.com> {when} +0100\n".encode())
        data(f"step {number}".encode())
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


def main():
    mode = sys.argv[1]
    if mode == "worktree":
        write_worktree(sys.argv[2], int(sys.argv[3]))
    elif mode in ("history", "history-signoff"):
        history_stream(int(sys.argv[2]), int(sys.argv[3]), signoff=mode == "history-signoff")
    else:
        raise SystemExit("usage: corpus.py worktree DIR COUNT | history COMMITS DOCUMENTS | history-signoff COMMITS DOCUMENTS")


if __name__ == "__main__":
    main()
