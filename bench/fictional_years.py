"""Gives every plan of a copy of a plan repository YEARS fictional years of progress, each as a
department would write it in full (results of two paragraphs, three indicators, issues, a fiscal
effect and a comment; about 700 characters), under a fictional scale, so that `bench/site.sh`
can measure the site of the real plan after four years. Never run on the repository itself.

Usage: python3 bench/fictional_years.py DIR YEARS
"""
import json
import pathlib
import sys

root = pathlib.Path(sys.argv[1])
years = int(sys.argv[2])
first = 2026
outline_path = root / "plans" / "outline.json"
outline = json.loads(outline_path.read_text(encoding="utf-8"))
outline["progress"] = {
    "period": {"from": first, "to": first + 3},
    "reporting_year": first + years - 1,
    "scale": [{"code": c, "label": f"架空の段階{c}"} for c in "ABCD"],
}
outline_path.write_text(json.dumps(outline, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

sentence = "（架空）計画に沿って取組を進め、関係する課と協議を重ねました。"
for n, path in enumerate(sorted((root / "plans").glob("goal-*/*.json"))):
    plan = json.loads(path.read_text(encoding="utf-8"))
    plan["progress"] = {
        str(first + y): {
            "status": "ABCD"[(n + y) % 4],
            "summary": sentence * 5 + "\n" + sentence * 3,
            "indicators": [
                {"name": f"架空の指標その{i + 1}", "unit": "件", "target": 1200 * (i + 1), "actual": 1100 * (i + 1)}
                for i in range(3)
            ],
            "next_steps": sentence * 3,
            "fiscal_effect": {"amount": 12000 + n, "unit": "千円"},
            "comment": {"by": "committee", "text": sentence * 2},
        }
        for y in range(years)
        if plan.get("added_in", first) <= first + y
    }
    path.write_text(json.dumps(plan, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
