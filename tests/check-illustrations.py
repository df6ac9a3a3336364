#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The exercise drawings in resources/illustrations are what the widget
expects: a 240x160 frame, only the two colour tokens it replaces (the body
in currentColor, the working part in #3584e4), nothing that needs a
renderer feature or a file from elsewhere, a title, small, all bundled;
and every drawing a bundled routine names exists."""

import json
import pathlib
import re
import sys
import xml.etree.ElementTree as ET

EXPECTED = {
    "plank", "plank-arm-lift", "plank-leg-lift", "plank-arm-leg-lift",
    "hamstring-wall", "piriformis", "knee-to-chest", "seated-hamstring", "pelvic-tilt",
    "hip-flexor", "glute-bridge", "clamshell", "side-plank", "russian-twist", "superman",
    "bird-dog", "fire-hydrant", "jog-in-place", "leg-swings", "high-knees", "butt-kicks",
    "walking-lunges",
}
SVG = "{http://www.w3.org/2000/svg}"
ALLOWED_ELEMENTS = {"svg", "title", "desc", "g", "path", "circle", "ellipse", "line",
                    "polyline", "polygon", "rect"}
COLOR_ATTRIBUTES = {"fill", "stroke", "color", "stop-color", "flood-color", "lighting-color"}
COLOR_VALUES = {"currentColor", "#3584e4", "none"}
OPACITY_ATTRIBUTES = {"opacity", "fill-opacity", "stroke-opacity"}
MAX_BYTES = 4096

root = pathlib.Path(sys.argv[1])
folder = root / "resources" / "illustrations"
problems = []


def check(path):
    name = path.name
    data = path.read_bytes()
    if len(data) >= MAX_BYTES:
        problems.append(f"{name}: {len(data)} bytes, must stay under {MAX_BYTES}")
    try:
        svg = ET.fromstring(data)
    except ET.ParseError as error:
        problems.append(f"{name}: not valid XML: {error}")
        return
    if svg.tag != SVG + "svg":
        problems.append(f"{name}: the root element is {svg.tag}, not an SVG element")
        return
    if (svg.get("viewBox") or "").split() != ["0", "0", "240", "160"]:
        problems.append(f"{name}: viewBox is {svg.get('viewBox')!r}, not '0 0 240 160'")
    title = svg.find(SVG + "title")
    if title is None or not (title.text or "").strip():
        problems.append(f"{name}: no <title> naming the position")

    tokens = set()
    for element in svg.iter():
        tag = element.tag.removeprefix(SVG)
        if tag not in ALLOWED_ELEMENTS:
            problems.append(f"{name}: <{tag}> is not allowed (only simple shapes)")
        for attribute, value in element.attrib.items():
            local = attribute.split("}")[-1]
            if local == "href" or "url(" in value:
                problems.append(f"{name}: <{tag} {local}> refers to something else")
            elif local == "style":
                problems.append(f"{name}: <{tag}> has a style attribute; use attributes")
            elif local in COLOR_ATTRIBUTES:
                if value not in COLOR_VALUES:
                    problems.append(f"{name}: <{tag} {local}=\"{value}\">: only "
                                    "currentColor, #3584e4 or none")
                tokens.add(value)
            elif local in OPACITY_ATTRIBUTES:
                try:
                    opacity = float(value)
                except ValueError:
                    opacity = -1.0
                if not 0.0 <= opacity <= 1.0:
                    problems.append(f"{name}: <{tag} {local}=\"{value}\"> is not an opacity")
    for token in ("currentColor", "#3584e4"):
        if token not in tokens:
            problems.append(f"{name}: never uses {token}")
    # The widget replaces the tokens as text: no other spelling may hide one.
    text = data.decode("utf-8")
    for odd in sorted(set(re.findall(r"#[0-9A-Fa-f]{3,8}\b", text)) - {"#3584e4"}):
        problems.append(f"{name}: colour {odd} is not one of the tokens")


found = {path.stem for path in folder.glob("*.svg")}
for missing in sorted(EXPECTED - found):
    problems.append(f"{missing}.svg is missing from {folder}")
for extra in sorted(found - EXPECTED):
    problems.append(f"{extra}.svg is not one of the known drawings (update this list)")
for path in sorted(folder.glob("*.svg")):
    check(path)

gresource = (root / "resources" / "backstay.gresource.xml").read_text(encoding="utf-8")
bundled = set(re.findall(r'alias="illustrations/([^"]+)\.svg"', gresource))
for name in sorted(found - bundled):
    problems.append(f"{name}.svg is not in resources/backstay.gresource.xml")
for name in sorted(bundled - found):
    problems.append(f"backstay.gresource.xml bundles illustrations/{name}.svg, which does not exist")


def illustrations_named(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "illustration" and isinstance(value, str):
                yield value
            else:
                yield from illustrations_named(value)
    elif isinstance(node, list):
        for value in node:
            yield from illustrations_named(value)


# A bundled routine that names a drawing we do not ship would show an empty
# step without anyone noticing.
for routine in sorted((root / "data" / "routines").glob("*.json")):
    for name in illustrations_named(json.loads(routine.read_text(encoding="utf-8"))):
        if name not in found:
            problems.append(f"data/routines/{routine.name} names illustration “{name}”, "
                            "which does not exist")

for problem in problems:
    print(problem)
print(f"{len(found)} drawings checked, {len(problems)} problems")
sys.exit(1 if problems else 0)
