"""Names, phones and public codes for the generated city, drawn fast and without collisions."""

from __future__ import annotations

import base64
import hashlib
import random

from server.models.base import CODE_ALPHABET
from server.seed import demo_data as data
from server.seed.demo_texts import GIVEN, SURNAMES

# Characters that make plausible place names, with their pinyin for the English names.
SYLLABLES = (
    ("江", "jiang"), ("河", "he"), ("湖", "hu"), ("山", "shan"), ("林", "lin"), ("桥", "qiao"),
    ("园", "yuan"), ("花", "hua"), ("桂", "gui"), ("梅", "mei"), ("松", "song"), ("竹", "zhu"),
    ("柳", "liu"), ("杨", "yang"), ("枫", "feng"), ("荷", "he"), ("兰", "lan"), ("菊", "ju"),
    ("桃", "tao"), ("金", "jin"), ("银", "yin"), ("玉", "yu"), ("石", "shi"), ("泉", "quan"),
    ("溪", "xi"), ("港", "gang"), ("湾", "wan"), ("滨", "bin"), ("洲", "zhou"), ("岭", "ling"),
    ("阳", "yang"), ("明", "ming"), ("光", "guang"), ("华", "hua"), ("新", "xin"), ("安", "an"),
    ("康", "kang"), ("宁", "ning"), ("和", "he"), ("平", "ping"), ("兴", "xing"), ("盛", "sheng"),
    ("福", "fu"), ("祥", "xiang"), ("瑞", "rui"), ("丰", "feng"), ("乐", "le"), ("长", "chang"),
    ("永", "yong"), ("春", "chun"), ("秋", "qiu"), ("晴", "qing"), ("云", "yun"), ("星", "xing"),
    ("月", "yue"), ("东", "dong"), ("西", "xi"), ("南", "nan"), ("北", "bei"), ("文", "wen"),
    ("书", "shu"), ("苑", "yuan"), ("景", "jing"), ("翠", "cui"), ("碧", "bi"), ("青", "qing"),
    ("龙", "long"), ("凤", "feng"), ("鹤", "he"), ("樱", "ying"),
)  # fmt: skip
# Districts beyond the demo's three: (name, English).
MORE_DISTRICTS = (
    ("南湖区", "Nanhu District"), ("北岸区", "Bei'an District"), ("青山区", "Qingshan District"),
    ("云台区", "Yuntai District"), ("凤鸣区", "Fengming District"), ("金沙区", "Jinsha District"),
    ("玉泉区", "Yuquan District"), ("长乐区", "Changle District"), ("新港区", "Xingang District"),
    ("白沙区", "Baisha District"), ("石门区", "Shimen District"), ("桃花区", "Taohua District"),
    ("清河区", "Qinghe District"),
)  # fmt: skip
GRID_NAMES = (*data.GRID_NAMES, "第五网格", "第六网格")
MAX_DISTRICTS = 3 + len(MORE_DISTRICTS)

_TAKEN = {c.name[:-2] for d in data.DISTRICTS for s in d.streets for c in s.communities}
_TAKEN |= {s.name[:-2] for d in data.DISTRICTS for s in d.streets}


def stems(rng: random.Random) -> list[tuple[str, str]]:
    """Every two-character place name (and its pinyin) in a seeded order, none the demo's."""
    pairs = [
        (a + b, pa.capitalize() + pb)
        for a, pa in SYLLABLES
        for b, pb in SYLLABLES
        if a != b and a + b not in _TAKEN
    ]
    rng.shuffle(pairs)
    return pairs


PAIRS = [a + b for b in CODE_ALPHABET for a in CODE_ALPHABET]  # two digits base 31, low first
PAIRS_SPACE = len(PAIRS)


class Codes:
    """Public codes of one table: distinct for distinct numbers, random-looking, 8 characters.

    ``n -> (n * step + offset) mod 31**8`` is a bijection (``step`` is prime to 31), so codes
    never collide and need neither a set of those drawn nor a retry.
    """

    SPACE = len(CODE_ALPHABET) ** 8

    def __init__(self, salt: int) -> None:
        # Near the golden ratio of the space, so neighbouring numbers give unlike codes.
        self.step = int(self.SPACE * 0.6180339887) + 97 * salt
        while self.step % len(CODE_ALPHABET) == 0:
            self.step += 1
        self.offset = 104_729 * salt
        self.count = 0

    def next(self) -> str:
        self.count += 1
        n = (self.count * self.step + self.offset) % self.SPACE
        n, a = divmod(n, PAIRS_SPACE)
        n, b = divmod(n, PAIRS_SPACE)
        n, c = divmod(n, PAIRS_SPACE)
        return PAIRS[a] + PAIRS[b] + PAIRS[c] + PAIRS[n]


def token(kind: str, number: int) -> str:
    """A URL-safe public id like ``new_token``'s, derived from the row so reruns agree."""
    digest = hashlib.blake2b(f"{kind}:{number}".encode(), digest_size=12).digest()
    return base64.urlsafe_b64encode(digest).decode()


def phone(user_id: int) -> str:
    """A generated user's mobile number; the demo cast's 138 numbers stay theirs."""
    return f"15{user_id:09d}"


def person(user_id: int) -> str:
    """A generated user's name, the same every time it is asked for."""
    mixed = (user_id * 2_654_435_761) & 0xFFFFFFFF
    return SURNAMES[mixed % len(SURNAMES)] + GIVEN[(mixed // len(SURNAMES)) % len(GIVEN)]
