"""Duplicate clients: precision, recall and time of find_duplicates on a generated registry.

Run: uv run python benchmarks/duplicates.py [sizes...]   (default: 10000 100000)
     uv run python benchmarks/duplicates.py --splink [sizes...]   (the Splink path on DuckDB)

The registry has unique people and, for 5% of them, a second record of one
of six kinds: the same ID number under a homophone name; a homophone name
(同音字) with the same birth date; the traditional form of the name with the
same birth date and phone; full-width characters and spaces in the name with
the same birth date and address; the same name with two phone digits swapped;
the same name and phone.
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date, timedelta

import opencc
from stdnum.cn import ric

from socialwork.models import Client
from socialwork.privacy import find_duplicates

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
    "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯"
    "龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文辉春梅海燕林云峰"
    "鹏飞宇浩然子轩欣怡佳琪晨阳思雨梓涵一诺博俊凯鑫淑珍德福荣贵凤琴宏亮永"
)
HOMOPHONES = [
    "丽莉力立利",
    "伟卫维玮",
    "华花桦",
    "明鸣铭",
    "芳方坊",
    "军君均",
    "静晶敬靖",
    "英颖瑛鹰",
    "红宏洪鸿",
    "平萍苹",
    "燕艳雁",
    "杰洁捷",
    "涛韬滔",
    "霞侠夏",
    "峰锋风丰",
    "玉宇雨语",
    "海亥",
    "文雯闻",
    "云芸允",
    "春纯",
    "梅玫媒",
    "兰岚蓝",
    "鹏朋",
    "飞菲非",
    "欣新心馨",
    "佳家嘉",
    "思斯丝",
    "凯恺楷",
    "俊骏峻",
    "国果",
    "志智治",
    "建健剑",
]
SWAP = {c: group for group in HOMOPHONES for c in group}
REGIONS = ("110101", "110105", "110108", "310101", "310104")
T2S = opencc.OpenCC("s2t")
FULL_WIDTH = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}


def homophone(rng: random.Random, name: str) -> str:
    spots = [i for i, c in enumerate(name) if c in SWAP and i > 0] or [
        i for i, c in enumerate(name) if c in SWAP
    ]
    if not spots:
        return name
    i = rng.choice(spots)
    other = rng.choice([c for c in SWAP[name[i]] if c != name[i]])
    return name[:i] + other + name[i + 1 :]


def swap_digits(rng: random.Random, phone: str) -> str:
    while True:
        i = rng.randrange(3, len(phone) - 1)
        if phone[i] != phone[i + 1]:
            return phone[:i] + phone[i + 1] + phone[i] + phone[i + 2 :]


def registry(n: int, seed: int = 7) -> tuple[list[Client], set[tuple[str, str]]]:
    rng = random.Random(seed)
    people: list[Client] = []
    phones: set[str] = set()
    ids: set[str] = set()
    for k in range(n):
        name = rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2, 2))))
        born = date(1930, 1, 1) + timedelta(days=rng.randrange(0, 365 * 90))
        while (phone := f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}") in phones:
            pass
        phones.add(phone)
        id_number = None
        if rng.random() < 0.6:
            while True:
                body = f"{rng.choice(REGIONS)}{born:%Y%m%d}{rng.randrange(1000):03d}"
                if body not in ids:
                    ids.add(body)
                    break
            id_number = body + ric.calc_check_digit(body + "0")
        people.append(
            Client(
                id=f"p{k:06d}",
                name=name,
                community_id=f"c{rng.randrange(200):03d}",
                registered_on=date(2025, 1, 1),
                born_on=born,
                phone=phone,
                address=(
                    f"幸福路{rng.randrange(1, 300)}号{rng.randrange(1, 30)}栋"
                    f"{rng.randrange(101, 2800)}室"
                ),
                id_number=id_number,
            )
        )
    truth: set[tuple[str, str]] = set()
    records = list(people)
    for j, person in enumerate(rng.sample(people, n // 20)):
        kind = j % 6
        new_id = f"d{j:06d}"
        base = {
            "id": new_id,
            "community_id": person.community_id,
            "registered_on": date(2025, 6, 1),
        }
        if kind == 0 and person.id_number:
            dup = {**base, "name": homophone(rng, person.name), "id_number": person.id_number}
        elif kind in (0, 1):
            dup = {**base, "name": homophone(rng, person.name), "born_on": person.born_on}
        elif kind == 2:
            dup = {
                **base,
                "name": T2S.convert(person.name),
                "born_on": person.born_on,
                "phone": person.phone,
            }
        elif kind == 3:
            spaced = " ".join(person.name)
            dup = {
                **base,
                "name": spaced.replace(" ", "\u3000", 1),
                "born_on": person.born_on,
                "address": "".join(FULL_WIDTH.get(c, c) for c in person.address or ""),
            }
        elif kind == 4:
            dup = {**base, "name": person.name, "phone": swap_digits(rng, person.phone or "")}
        else:
            dup = {**base, "name": person.name, "phone": person.phone}
        records.append(Client.model_validate(dup))
        truth.add((min(person.id, new_id), max(person.id, new_id)))
    rng.shuffle(records)
    return records, truth


def main(sizes: list[int], splink: bool) -> None:
    print("| path | clients | records | true pairs | found | precision | recall | time (s) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for n in sizes:
        records, truth = registry(n)
        start = time.perf_counter()
        if splink:
            from socialwork.linkage import splink_duplicates

            found = {(p.first, p.second) for p in splink_duplicates(records)}
        else:
            found = {(p.first, p.second) for p in find_duplicates(records).pairs}
        elapsed = time.perf_counter() - start
        hits = len(found & truth)
        precision = hits / len(found) if found else 1.0
        recall = hits / len(truth)
        print(
            f"| {'splink (duckdb)' if splink else 'find_duplicates'} | {n:,} | {len(records):,} "
            f"| {len(truth):,} | {len(found):,} | {precision:.4f} | {recall:.4f} | {elapsed:.2f} |"
        )


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--splink"]
    main([int(a) for a in args] or [10_000, 100_000], "--splink" in sys.argv)
