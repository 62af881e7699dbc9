"""Write src/govreport/data/bigrams.txt: the commonest character bigrams of government work reports.

    python tools/bigram_vocabulary.py [CORPUS_DIR ...] [--size 8000]

The full-text index writes these bigrams as tokens and every other character alone (see
govreport.textindex). The file is part of every store's index: changing it needs a schema
migration that rebuilds the index (schema.MIGRATIONS), and a new VOCABULARY_SHA256 in textindex.
Counted over the clean text of the reports given (default: ../shared/corpus), word runs only.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus"
OUT = Path(__file__).resolve().parents[1] / "src" / "govreport" / "data" / "bigrams.txt"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="*", type=Path, default=[DEFAULT])
    ap.add_argument("--size", type=int, default=8000)
    a = ap.parse_args()
    from govreport.clean import clean
    from govreport.ingest import iter_inputs, read_document
    from govreport.model import RawDocument
    from govreport.textindex import word_runs

    counts: Counter[str] = Counter()
    reports = 0
    for doc, path in iter_inputs(a.corpus):
        raw = read_document(path, doc)
        if not isinstance(raw, RawDocument):
            continue
        reports += 1
        for run in word_runs(clean(raw.text).text):
            counts.update(run[i:i + 2] for i in range(len(run) - 1))
    if not counts:
        print(f"no reports under {', '.join(map(str, a.corpus))}", file=sys.stderr)
        return 2
    top = counts.most_common(a.size)
    share = sum(n for _, n in top) / sum(counts.values())
    # one bigram a line, commonest first, ties in code-point order (the same input makes the same file)
    top.sort(key=lambda kv: (-kv[1], kv[0]))
    header = (f"# the {len(top)} commonest character bigrams of {reports} government work reports ({share:.0%} of"
              f" their bigram occurrences),\n# made by tools/bigram_vocabulary.py; part of every store's"
              " full-text index: see its docstring before changing\n")
    OUT.write_text(header + "".join(f"{b}\n" for b, _ in top), encoding="utf-8")
    print(f"{OUT}: {len(top)} bigrams, {share:.1%} of {sum(counts.values()):,} occurrences in {reports} reports")
    return 0


if __name__ == "__main__":
    sys.exit(main())
