"""rules.text: NFKC + dash/tilde table, and layout-space removal."""
import pytest

from rules.text import canonical, normalize_text, tidy


@pytest.mark.parametrize("raw, expected", [
    ("【予算額： ー千円】", "【予算額: -千円】"),      # standalone ー is a dash
    ("センター", "センター"),                        # ー after kana is 長音
    ("コ ー ル セ ン タ ー", "コ ー ル セ ン タ ー"),  # also across 均等割付 gaps (Fuji book p.602)
    ("予算額 ー 千円", "予算額 - 千円"), ("コ ー ル セ ン タ ー", "コ ー ル セ ン タ ー"),
    ("1,000 ー ー 1,000", "1,000 - - 1,000"), ("ー　ー　ー", "- - -"), ("なし ー", "なし -"),
    ("ア ー 1", "ア - 1"), ("地域活動センター ー ー", "地域活動センター - -"),
    ("【予算額： 一 千円】", "【予算額: 一 千円】"),  # 一 is left to the budget parser (position)
    ("１０４，５００，０００千円", "104,500,000千円"),  # full-width digits and separators
    ("10〜20", "10~20"), ("10～20", "10~20"),        # wave dash and full-width tilde agree
    ("△ 5", "△ 5"), ("１−２", "1-2"), ("１‒２", "1-2"), ("１－２", "1-2"),
    ("平成 29 年度", "平成 29 年度"),                 # spaces kept: they mark boundaries
    ("目\u3000標", "目 標"),
])
def test_canonical(raw, expected):
    assert canonical(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("目 標", "目標"),                                  # spaced label
    ("市 民 税", "市民税"),                              # 均等割付
    ("例 規 集 デ ー タ 更 新 業 務", "例規集データ更新業務"),
    ("（28 年度参加数：34 企業・団体 455 名）", "(28年度参加数:34企業・団体455名)"),
    ("年 3 回以上", "年3回以上"),
    ("ＮＰＯ など", "NPOなど"),
    ("ISO 9001 取得", "ISO 9001取得"),                  # Latin/digit tokens keep their space
    ("【予算額 7, 486千円】", "【予算額7, 486千円】"),  # the separator space is not layout
])
def test_normalize_text(raw, expected):
    assert normalize_text(raw) == expected


def test_tidy_is_idempotent():
    text = "経営課題 1 区民主体の まち づくり"
    assert tidy(tidy(text)) == tidy(text)
