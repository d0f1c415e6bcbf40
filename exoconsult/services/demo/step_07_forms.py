"""The demo clinic's own copy of forms/ with a demo approval on the protocol, the explanation, the
comprehension check and the consent texts, so no "DRAFT" or "protocol not approved" appears in front of
a demo patient. The texts and protocol shipped with the application stay unapproved: only a clinic can
approve them. Runs before the histories and assessments, which are judged under this approved copy."""

from __future__ import annotations

import re
import shutil

from exoconsult.services.core.context import default_forms_dir

DEMO_APPROVAL = ('approval:\n  approved: true\n  approved_by: "Dr. Demo Onaylayan (demo)"\n'
                 '  approved_on: "2026-01-01"')
UNAPPROVED = re.compile(r'approval:\n  approved: false\n  approved_by: ""\n  approved_on: ""')
APPROVED_FILES = ("consent/*.md", "explanation/*.md", "comprehension/*.yaml", "protocols/*/protocol.yaml",
                  "followup/schedule.yaml")


def demo_forms(ctx) -> None:
    target = ctx.data_dir.root / "forms"
    if not target.exists():
        shutil.copytree(default_forms_dir(), target)
        for pattern in APPROVED_FILES:
            for path in target.glob(pattern):
                text = path.read_text(encoding="utf-8")
                path.write_text(UNAPPROVED.sub(DEMO_APPROVAL, text, count=1), encoding="utf-8")
    ctx.forms_dir = target


def seed(ctx, demo) -> None:
    demo_forms(ctx)
    demo.notes.append("forms: the demo clinic's copy of the protocol and texts carries a demo approval")
