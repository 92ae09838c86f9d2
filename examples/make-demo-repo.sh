#!/bin/sh
# Builds a demo repository with a short, multi-author history of go-live documents:
#   sh examples/make-demo-repo.sh DIR
# Each commit has a fixed author and date, so the history is the same on every machine.
set -eu
dir=${1:?usage: make-demo-repo.sh DIR}
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$dir"
mkdir -p "$dir/docs"
cd "$dir"
git init -q -b main .
git config user.name demo && git config user.email demo@example.com

commit() { # author email date message
    git add -A
    GIT_AUTHOR_NAME=$1 GIT_AUTHOR_EMAIL=$2 GIT_AUTHOR_DATE="$3" \
    GIT_COMMITTER_NAME=$1 GIT_COMMITTER_EMAIL=$2 GIT_COMMITTER_DATE="$3" \
        git commit -q -m "$4"
}
edit() { # sed-expression file
    sed "$1" "$2" > "$2.tmp" && mv "$2.tmp" "$2"
}

cp "$here/docs/TASK_DEVOPS_INFRASTRUCTURE.md" "$here/docs/13_GO_LIVE_CHECKLIST.md" docs/
commit "Rita Release" rita@example.com "2026-03-01T09:00:00+01:00" "Plan the go-live"

edit 's/- \[ \] VPC/- [x] VPC/; s/- \[ \] Domain/- [x] Domain/' docs/TASK_DEVOPS_INFRASTRUCTURE.md
commit "Dev Ops" dev@example.com "2026-03-02T17:30:00+01:00" "Network and TLS are up"

edit 's/\[DevOps-On-Call\]/Dev Ops, +49 30 1234567/' docs/TASK_DEVOPS_INFRASTRUCTURE.md
edit 's/- \[ \] Security$/- [x] Security — Sam Secure, 2026-03-03/' docs/13_GO_LIVE_CHECKLIST.md
commit "Sam Secure" sam@example.com "2026-03-03T11:00:00+01:00" "Security sign-off, on-call filled"

edit 's/^\*\*Deadline:\*\* 2026-03-03 EOD/**Deadline:** 2026-03-04 EOD/' docs/TASK_DEVOPS_INFRASTRUCTURE.md
edit 's/- \[x\] Domain/- [ ] Domain/' docs/TASK_DEVOPS_INFRASTRUCTURE.md
commit "Dev Ops" dev@example.com "2026-03-03T20:00:00+01:00" "Move deadline; TLS needs another look"

edit 's/- \[ \] Product$/- [x] Product/' docs/13_GO_LIVE_CHECKLIST.md
commit "Pat Product" pat@example.com "2026-03-05T09:00:00+01:00" "Product approves"
echo "$dir"
