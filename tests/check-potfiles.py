#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every file with translatable strings is in po/POTFILES.in, and every
file listed there exists: otherwise strings silently miss translation."""

import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
listed = {
    line.strip()
    for line in (root / "po" / "POTFILES.in").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
}
marker = re.compile(r'\b(?:_|N_|C_|NC_|ngettext)\s*\(\s*"|translatable="yes"')

problems = []
for name in sorted(listed):
    if not (root / name).is_file():
        problems.append(f"po/POTFILES.in lists {name}, which does not exist")
for path in sorted((root / "src").rglob("*")):
    if path.suffix not in (".c", ".ui"):
        continue
    rel = path.relative_to(root).as_posix()
    if marker.search(path.read_text(encoding="utf-8")) and rel not in listed:
        problems.append(f"{rel} has translatable strings but is not in po/POTFILES.in")

for problem in problems:
    print(problem)
sys.exit(1 if problems else 0)
