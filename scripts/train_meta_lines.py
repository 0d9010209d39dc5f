"""Train the page-line model and write storytrace/resources/meta-lines-v1.npz.

    nice .venv/bin/python scripts/train_meta_lines.py --data ../shared/data/trafilatura-eval

Lines near each page's article text are labelled from the page's own markup (bench.meta's gold):
a headline line matches the markup's title (token-set F1 >= 0.8), a date line prints the markup's
publication day, a byline line is short and holds an author's surname. Only pages of the "train"
part of bench.meta's fixed split (by site) are read, all languages, so `storytrace bench meta-text` on the
"dev" part scores pages the model never saw. Each class is a conditional logit: per page, a softmax
over the page's lines and a "none" option, fitted by L-BFGS with an L2 penalty. Needs scipy (it comes
with the `train` extra, scikit-learn); about a minute.
"""

from __future__ import annotations

import argparse
import time
from datetime import timedelta
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

from storytrace.bench.meta import gold_from_html, iter_pages, title_right
from storytrace.clean.dates import parse_when
from storytrace.clean.html import visible_text
from storytrace.clean.lines import ARTEFACT, CLASSES, page_features

# L2 penalty on the weights: 1, 10, 30, 100 and 300 were compared by two-fold cross-validation on the
# train part's English pages (10 picked the most headlines, dates and bylines).
L2 = 10.0
# A byline is a short line; a paragraph naming the author is not one.
BYLINE_WORDS = 15
DATE_WORDS = 30


def labels(text: str, gold) -> list[float]:
    words = len(text.split())
    headline = bool(gold.title) and title_right(text, gold.title)
    date = False
    if gold.published is not None and words <= DATE_WORDS:
        when = parse_when(text)
        slack = timedelta(days=1 if gold.published_zoned else 0)
        date = when is not None and abs(when.local.date() - gold.published.date()) <= slack
    lowered = set(text.lower().replace(",", " ").split())
    byline = words <= BYLINE_WORDS and not headline and any(
        a.split()[-1].lower() in lowered for a in gold.authors)
    return [float(headline), float(date), float(byline)]


def collect(data: Path, split: str = "train") -> tuple[list[dict[str, float]], list[list[float]], list[int]]:
    """Feature rows, labels and page numbers of the window lines of every page of `split` with gold."""
    rows: list[dict[str, float]] = []
    y: list[list[float]] = []
    page_of: list[int] = []
    pages = 0
    for page in iter_pages(data):
        if page.split != split:
            continue
        gold = gold_from_html(page.html, page.url)
        if not (gold.title or gold.published or gold.authors):
            continue
        lines, _, indices, features = page_features(visible_text(page.html))
        pages += 1
        for index, row in zip(indices, features):
            rows.append(row)
            page_of.append(pages)
            y.append(labels(lines[index].text, gold))
    return rows, y, page_of


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "storytrace" / "resources" / ARTEFACT)
    args = parser.parse_args()
    start = time.perf_counter()
    rows, y, page_of = collect(args.data)
    names = sorted({name for row in rows for name in row})
    column = {name: j for j, name in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for i, row in enumerate(rows):
        for name, value in row.items():
            x[i, column[name]] = value
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    xs = (x - mean) / scale
    target = np.array(y)
    coef, null = [], []
    for k, label in enumerate(CLASSES):
        weights, bias = fit_choice(xs, target[:, k], np.array(page_of))
        coef.append(weights)
        null.append(bias)
        print(f"{label}: {int(target[:, k].sum())} positive lines of {len(target)}")
    np.savez_compressed(args.out, names=np.array(names), coef=np.array(coef), null=np.array(null),
                        mean=mean, scale=scale)
    print(f"{page_of[-1] if page_of else 0} pages, {len(names)} features -> {args.out} ({time.perf_counter() - start:.0f} s)")


def fit_choice(x: np.ndarray, y: np.ndarray, page: np.ndarray) -> tuple[np.ndarray, float]:
    """Weights w and a "none" score b maximising, per page, log P(a positive line) with
    P(line j) = exp(x_j w) / (exp(b) + sum_i exp(x_i w)), and P(none) for pages without one."""
    starts = np.flatnonzero(np.r_[True, page[1:] != page[:-1]])
    n_pages = len(starts)

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[:-1], theta[-1]
        s = x @ w
        top = np.maximum(np.maximum.reduceat(s, starts), b)
        exp = np.exp(s - top[page_index])
        total = np.add.reduceat(exp, starts) + np.exp(b - top)
        positive = np.add.reduceat(exp * y, starts)
        has = positive > 0
        chosen = np.where(has, positive, np.exp(b - top))
        value = -np.sum(np.log(chosen / total)) + L2 * w @ w / 2
        # Gradient: expected features under the model minus under the positives (or "none").
        p_line = exp / total[page_index]
        q_line = np.where(has[page_index], exp * y / np.where(has, positive, 1.0)[page_index], 0.0)
        grad_w = x.T @ (p_line - q_line) + L2 * w
        p_none = np.exp(b - top) / total
        grad_b = np.sum(p_none - (~has))
        return value / n_pages, np.r_[grad_w, grad_b] / n_pages

    page_index = np.repeat(np.arange(n_pages), np.diff(np.r_[starts, len(page)]))
    result = minimize(loss, np.zeros(x.shape[1] + 1), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    return result.x[:-1], float(result.x[-1])


if __name__ == "__main__":
    main()
