"""Is a new password guessable? (NIST SP 800-63B: check against common and expected passwords; no
composition rules.) Length alone let through `password1234`, `123456789012`, `aaaaaaaaaaaa`, twelve
spaces and passwords containing the username.

Three checks, each with its own reason for the person choosing the password:
1. not containing the username or a part of the person's name (Turkish-folded);
2. not one of the common passwords: zxcvbn's frequency lists (about 30,000 leaked passwords and common
   English words) plus a short Turkish list below, which zxcvbn does not know;
3. a strength estimate (zxcvbn, offline): at least score 3, i.e. about 10^8 guesses or more, which with
   the slow argon2id hash stored here is out of reach of an offline attack on a stolen database.
"""

from __future__ import annotations

from zxcvbn import zxcvbn

from exoconsult.domain.text import fold
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP

MIN_SCORE = 3
_ESTIMATE_CHARS = 72  # zxcvbn refuses longer input (its run time grows fast); a longer password is judged by its start

# Frequent Turkish passwords and words people build them from (football clubs, cities, endearments, the
# workplace); zxcvbn's lists are English. Folded (ı->i, ş->s...) before matching, as the password is.
TURKISH_COMMON = (
    "sifre", "parola", "sifrem", "parolam", "galatasaray", "fenerbahce", "besiktas", "trabzonspor", "bursaspor",
    "istanbul", "ankara", "izmir", "turkiye", "turkey", "ataturk", "askim", "canim", "sevgilim", "bebegim",
    "hayatim", "allah", "bismillah", "mustafa", "mehmet", "ahmet", "ayse", "fatma", "hastane", "doktor",
    "hemsire", "klinik", "uroloji", "androloji", "exoconsult", "exosome", "eksozom", "qwerty", "asdfgh",
)


def _name_parts(username: str, display_name: str) -> list[str]:
    """The username (3+ characters) and each name part of 4+ letters: shorter parts (Ali, Can) are inside
    too many ordinary words to refuse every password containing them."""
    parts = {fold(p) for p in display_name.replace(".", " ").split() if len(p) >= 4}
    if len(username) >= 3:
        parts.add(fold(username))
    return sorted(parts, key=len, reverse=True)


def strength_fault(password: str, *, username: str = "", display_name: str = "") -> tuple[str, dict] | None:
    """Why `password` (already NFKC-normalised, length-checked) is refused, or None: a "{label} …" template
    (marked in "ServiceMessages"; the label names the password, "The password") and its values. The
    estimator's hint is English and only in the English wording."""
    folded = fold(password)
    squeezed = folded.replace(" ", "")
    common = QT_TRANSLATE_NOOP("ServiceMessages", "{label} is one of the most common passwords; choose something "
                               "others would not guess.")
    for part in _name_parts(username, display_name):
        if part in folded or part in squeezed:
            return QT_TRANSLATE_NOOP("ServiceMessages", "{label} must not contain the username or a part of the "
                                     "name."), {}
    for word in TURKISH_COMMON:
        if squeezed.strip("0123456789!.?*-_") == word:
            return common, {}
    result = zxcvbn(password[:_ESTIMATE_CHARS], user_inputs=[*TURKISH_COMMON, *_name_parts(username, display_name)])
    whole = result["sequence"][0] if len(result["sequence"]) == 1 else None
    if whole is not None and whole.get("dictionary_name") == "passwords":
        return common, {}
    if result["score"] < MIN_SCORE:
        hint = result["feedback"]["warning"] or "it follows a common pattern"
        hint = hint[:1].lower() + hint[1:]
        return QT_TRANSLATE_NOOP("ServiceMessages", "{label} is too easy to guess ({hint}; about 10^{power} "
                                 "guesses); a phrase of three or four unrelated words is strong and easy to "
                                 "remember."), {"hint": hint.rstrip("."), "power": f"{result['guesses_log10']:.0f}"}
    return None
