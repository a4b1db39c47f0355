"""Matching sheet names and labels the way a person would: ignoring spaces and character forms."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Traditional forms of the characters used in the formats' sheet names and labels.
_TRADITIONAL = str.maketrans(
    "動開請費復議訴訟況總結處計報書聞發會數資訊規劃構設機關體類說明輸稱單層級際網絡傳當內條務現紀錄"
    "項標準許強執罰證讀簽狀態濟衛產勞護專獎勵監應辦據統別隱",
    "动开请费复议诉讼况总结处计报书闻发会数资讯规划构设机关体类说明输称单层级际网络传当内条务现纪录"
    "项标准许强执罚证读签状态济卫产劳护专奖励监应办据统别隐",
)


@lru_cache(maxsize=4096)
def normalized(text: str) -> str:
    """Text with spaces removed, full-width forms folded and Traditional characters simplified."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in folded if not ch.isspace() and ch not in "\u200b\ufeff").translate(
        _TRADITIONAL
    )
