#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The routine file type, as installed: update-mime-database reads it
without a complaint (it exits 0 even on errors, so its output is checked),
*.backstay.json is a routine and *.json stays plain JSON for GIO, and a
routine is a kind of JSON.

Usage: check-mime-type.py MIME_XML UPDATE_MIME_DATABASE GIO"""

import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

TYPE = "application/x-backstay-routine"

mime_xml, update_mime_database, gio = sys.argv[1:4]
problems = []

with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)
    packages = tmp / "share" / "mime" / "packages"
    packages.mkdir(parents=True)
    # update-mime-database reads only *.xml there.
    shutil.copy(mime_xml, packages / "io.github.backstay.Backstay.xml")
    env = dict(os.environ,
               XDG_DATA_HOME=str(tmp / "home"),
               XDG_DATA_DIRS=f"{tmp / 'share'}:/usr/local/share:/usr/share")

    run = subprocess.run([update_mime_database, str(tmp / "share" / "mime")],
                         env=env, capture_output=True, text=True)
    if run.returncode != 0 or run.stdout.strip() or run.stderr.strip():
        problems.append(f"update-mime-database said (exit {run.returncode}): "
                        f"{run.stdout}{run.stderr}")

    globs = (tmp / "share" / "mime" / "globs2").read_text(encoding="utf-8")
    if f"60:{TYPE}:*.backstay.json" not in globs.splitlines():
        problems.append(f"globs2 has no *.backstay.json glob of weight 60:\n{globs}")
    subclasses = (tmp / "share" / "mime" / "subclasses").read_text(encoding="utf-8")
    if f"{TYPE} application/json" not in subclasses.splitlines():
        problems.append(f"subclasses does not make {TYPE} a kind of JSON:\n{subclasses}")

    files = tmp / "files"
    files.mkdir()
    body = '{ "format": 1, "id": "x", "name": "X", "steps": [] }\n'
    for name, expected in (("stretch.backstay.json", TYPE), ("data.json", "application/json")):
        (files / name).write_text(body, encoding="utf-8")
        run = subprocess.run([gio, "info", "-a", "standard::content-type", str(files / name)],
                             env=env, capture_output=True, text=True)
        if f"standard::content-type: {expected}" not in run.stdout:
            problems.append(f"GIO takes {name} for something other than {expected}:\n"
                            f"{run.stdout}{run.stderr}")

for problem in problems:
    print(problem)
sys.exit(1 if problems else 0)
