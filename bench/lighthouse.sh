#!/usr/bin/env bash
# Lighthouse scores of the public site and the API docs, through whatever serves BASE_URL.
#
#   bench/lighthouse.sh http://127.0.0.1:8102            # every page, both form factors
#   PAGES="home list" FORMS=mobile LANGS=fr bench/lighthouse.sh http://127.0.0.1:8102
#
# Pages: the home page, the agreements list, an agreement, a partner and a source, in Arabic
# and in French, then the API docs: /api/docs/ (the page that loads Swagger UI's console on
# demand), ReDoc's reference, and the console itself (a deep link, #/agreements, opens it at
# once), each on mobile (Lighthouse's
# default: Moto G Power, slow 4G, 4x CPU slowdown) and desktop (--preset=desktop). Prints
# performance, accessibility, best practices and SEO per page, language and form factor,
# and writes every JSON report under var/lighthouse/reports/<stamp>/.
#
# Lighthouse is the npm package pinned in bench/lighthouse/package-lock.json, installed
# into var/lighthouse/ (npm ci, once). It drives Debian's chromium (`make browser`);
# never a browser download.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BASE_URL="${1:?usage: bench/lighthouse.sh BASE_URL (e.g. http://127.0.0.1:8102)}"
BASE_URL="${BASE_URL%/}"
PAGES="${PAGES:-home list agreement partner source docs redoc console}"
LANGS="${LANGS:-ar fr}"
FORMS="${FORMS:-mobile desktop}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
PREFIX="$ROOT/var/lighthouse"
LH="$PREFIX/node_modules/.bin/lighthouse"
OUT="$PREFIX/reports/$(date -u +%Y%m%dT%H%M%SZ)"

if [ ! -x "$CHROME_PATH" ]; then
  echo "error: no chromium at $CHROME_PATH (run 'make browser')" >&2
  exit 1
fi
if [ ! -x "$LH" ] || ! cmp -s "$ROOT/bench/lighthouse/package-lock.json" "$PREFIX/package-lock.json"; then
  mkdir -p "$PREFIX"
  cp "$ROOT/bench/lighthouse/package.json" "$ROOT/bench/lighthouse/package-lock.json" "$PREFIX/"
  PUPPETEER_SKIP_DOWNLOAD=1 npm ci --prefix "$PREFIX" --no-audit --no-fund --loglevel=error
fi
mkdir -p "$OUT"

# The first agreement, partner and source linked from their list pages.
first_link() {  # first_link LANG SECTION
  curl -fsS "$BASE_URL/$1/$2/" | grep -oE "href=\"/$1/$2/[a-z0-9-]+/\"" | head -1 | cut -d'"' -f2
}

url_of() {  # url_of PAGE LANG
  case "$1" in
    home) echo "$BASE_URL/$2/" ;;
    list) echo "$BASE_URL/$2/agreements/" ;;
    agreement) echo "$BASE_URL$(first_link "$2" agreements)" ;;
    partner) echo "$BASE_URL$(first_link "$2" partners)" ;;
    source) echo "$BASE_URL$(first_link "$2" sources)" ;;
    docs) echo "$BASE_URL/api/docs/" ;;
    redoc) echo "$BASE_URL/api/docs/redoc/" ;;
    console) echo "$BASE_URL/api/docs/#/agreements" ;;  # a deep link: Swagger UI loads at once
  esac
}

for page in $PAGES; do
  langs="$LANGS"
  case "$page" in docs | redoc | console) langs="-" ;; esac
  for lang in $langs; do
    url="$(url_of "$page" "$lang")"
    for form in $FORMS; do
      preset=()
      [ "$form" = desktop ] && preset=(--preset=desktop)
      report="$OUT/$page.$lang.$form.json"
      echo "lighthouse $form $url" >&2
      # A loaded machine sometimes loses the trace (NO_NAVSTART): one more try.
      for attempt in 1 2; do
        if "$LH" "$url" "${preset[@]}" --quiet --output=json --output-path="$report" \
          --only-categories=performance,accessibility,best-practices,seo \
          --chrome-flags="--headless=new --no-sandbox"; then
          break
        fi
        rm -f "$report"
        echo "  failed (attempt $attempt): $url" >&2
      done
    done
  done
done

# The table: one row per report, the four scores and what held a score under 95 back.
"$ROOT/.venv/bin/python" - "$OUT" <<'EOF'
import json
import pathlib
import sys

out = pathlib.Path(sys.argv[1])
cats = ["performance", "accessibility", "best-practices", "seo"]
print(f"\nReports in {out}\n")
print("| page | lang | form | perf | a11y | best | SEO | audits under 0.9 |")
print("| --- | --- | --- | ---: | ---: | ---: | ---: | --- |")
for path in sorted(out.glob("*.json")):
    page, lang, form = path.stem.split(".")
    report = json.loads(path.read_text())
    scores = [report["categories"][c]["score"] for c in cats]
    failing = []
    for c in cats:
        for ref in report["categories"][c]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 0.9:
                failing.append(f"{ref['id']}={audit['score']:.2f}")
    cells = " | ".join("-" if s is None else str(round(s * 100)) for s in scores)
    print(f"| {page} | {lang} | {form} | {cells} | {', '.join(failing)} |")
EOF
