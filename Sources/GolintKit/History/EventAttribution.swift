import GolintGit

/// Attributes an event to its commit: author and time.
struct EventAttribution {
    func event(_ draft: EventDraft, path: String, commit: CommitInfo) -> HistoryEvent {
        HistoryEvent(commit: commit.id.description, authorName: commit.author.name, authorEmail: commit.author.email,
                     time: commit.author.time, offsetMinutes: commit.author.offsetMinutes, path: path, kind: draft.kind,
                     item: draft.item, line: draft.line, before: draft.before, after: draft.after)
    }
}
