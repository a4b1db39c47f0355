#!/bin/sh
# What the tests need besides Python packages, on Debian or Ubuntu (run as root, or with sudo):
#   LibreOffice (renders the Word report to PDF, opens the fill-in workbooks), poppler-utils
#   (pdfinfo, pdftotext, pdftoppm), stand-in fonts for the 公文 faces with fontconfig aliases, and the
#   OOXML schema validator from npm, and Chromium with its driver (the HTML outputs are rendered
#   in a real headless browser). Safe to run again: it installs only what is missing.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

need=""
command -v soffice >/dev/null 2>&1 || need="$need libreoffice-writer-nogui libreoffice-calc-nogui"
command -v pdftotext >/dev/null 2>&1 || need="$need poppler-utils"
command -v fc-cache >/dev/null 2>&1 || need="$need fontconfig"
command -v npm >/dev/null 2>&1 || need="$need npm"
command -v chromium >/dev/null 2>&1 || need="$need chromium"
command -v chromedriver >/dev/null 2>&1 || need="$need chromium-driver"
[ -d /usr/share/fonts/opentype/noto ] || need="$need fonts-noto-cjk"
[ -d /usr/share/fonts/truetype/liberation2 ] || need="$need fonts-liberation2"
if [ -n "$need" ]; then
    $sudo apt-get update -q
    # shellcheck disable=SC2086
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $need
fi

# The Fandol fonts (仿宋/黑体/楷体/宋体 stand-ins) ship inside TeX Live's Chinese package; take only them.
fandol=/usr/local/share/fonts/fandol
if [ ! -f "$fandol/FandolFang-Regular.otf" ]; then
    work=$(mktemp -d)
    (cd "$work" && (apt-get download texlive-lang-chinese >/dev/null 2>&1 || \
        ($sudo apt-get update -q && apt-get download texlive-lang-chinese)))
    dpkg-deb -x "$work"/texlive-lang-chinese_*.deb "$work/x"
    $sudo mkdir -p "$fandol"
    $sudo cp "$work"/x/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/Fandol*.otf "$fandol/"
    rm -rf "$work"
fi
conf=/etc/fonts/conf.d/65-gen-report-gongwen.conf
if ! cmp -s "$here/fonts/65-gen-report-gongwen.conf" "$conf"; then
    $sudo cp "$here/fonts/65-gen-report-gongwen.conf" "$conf"
fi
fc-cache -f >/dev/null

# The Open XML SDK schema validator (WebAssembly), pinned by the lock file.
if [ ! -x "$here/ooxml/node_modules/.bin/ooxml-validate" ]; then
    npm ci --prefix "$here/ooxml" --no-audit --no-fund --loglevel=error
fi
