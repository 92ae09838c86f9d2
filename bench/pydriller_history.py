"""The history peer: pydriller walks every commit and reads the diff of each Markdown file it
changed, as `golint history` reads every version of every document. Prints how many files and
changed lines it saw, so the walk cannot be skipped."""
import sys

from pydriller import Repository


def main():
    files = lines = 0
    for commit in Repository(sys.argv[1], only_modifications_with_file_types=[".md"]).traverse_commits():
        for change in commit.modified_files:
            if change.filename.endswith(".md"):
                parsed = change.diff_parsed
                files += 1
                lines += len(parsed["added"]) + len(parsed["deleted"])
    print(f"{files} file versions, {lines} changed lines")


if __name__ == "__main__":
    main()
