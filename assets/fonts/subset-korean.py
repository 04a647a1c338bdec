#!/usr/bin/env python3
"""Regenerates assets/fonts/hangul-subset.ttf: Nanum Gothic (SIL OFL 1.1, Debian package
fonts-nanum) cut down to printable ASCII and every other character in the Rust sources, so the
CLI's PNG draws Korean text with a font shipped in the repository (about 1/40 of the full font).
"Nanum" is a Reserved Font Name, so the modified font is renamed "Pledge Hangul Subset" (OFL
section 3); the licence is beside it in OFL-LICENSE.txt.

    apt-get install fonts-nanum && pip install fonttools==4.55.0
    python3 assets/fonts/subset-korean.py

tests in src/native.rs fail when a string in the sources uses a character the subset lacks.
"""
import pathlib
import subprocess

root = pathlib.Path(__file__).resolve().parents[2]
chars = {chr(c) for c in range(32, 127)}
for path in sorted((root / "src").rglob("*.rs")):
    chars |= {c for c in path.read_text(encoding="utf-8") if ord(c) > 126}
text = "".join(sorted(chars))
out = root / "assets/fonts/hangul-subset.ttf"
subprocess.run(
    [
        "pyftsubset",
        "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
        f"--text={text}",
        "--layout-features=kern",
        "--no-hinting",
        "--desubroutinize",
        "--name-IDs=*",
        f"--output-file={out}",
    ],
    check=True,
)
from fontTools.ttLib import TTFont  # noqa: E402

font = TTFont(out)
for record in font["name"].names:
    if record.nameID in (1, 3, 4, 6, 16, 17, 18, 21, 22):
        name = "PledgeHangulSubset" if record.nameID == 6 else "Pledge Hangul Subset"
        record.string = name
font.save(out)
print(f"{len(text)} characters")
