"""Old Chinese, Japanese and Korean encodings, told from the text they give.

A Chinese, Japanese or Korean text file that is not UTF-8 and names no encoding was written
in its country's two-byte encoding: GB18030 (or its subsets GBK and GB2312) in mainland
China, Big5 in Taiwan and Hong Kong, Shift_JIS or EUC-JP in Japan, EUC-KR in Korea. Read as
Windows-1252 (or as UTF-8 with the bytes that are not UTF-8 read so), such a text comes out
as accented Latin letters from beginning to end ("ÖйúÍâ½»" for "中国外交").

The encodings share their bytes' shapes, so several read the same bytes without an error;
only the right one gives the characters such a text is made of: the common ideographs of
its language, kana in Japanese, hangul in Korean, and its punctuation. The others give rare
ideographs, characters for private use, half-width katakana, box-drawing signs. Each
encoding that reads the start of the file without an error is scored by the share of its
characters that are so plausible, and the best wins if it is clearly plausible.
"""

from __future__ import annotations

import codecs
from collections import Counter

NAMES = {
    "gb18030": "GB18030 (Chinese)",
    "big5hkscs": "Big5 (Chinese)",
    "cp932": "Shift_JIS (Japanese)",
    "euc_jp": "EUC-JP (Japanese)",
    "cp949": "EUC-KR (Korean)",
}
"""The encodings this module chooses, as a reader knows them; the first of two readings
that are as plausible wins (the Japanese ones before the Chinese ones, whose byte ranges
hold the kana too)."""

BY_LETTERS = "+letters"
"""Ends the encoding recorded for a file read in one of these as its letters show
(``"cp932+letters"``), told so from a page read in the same encoding because its
``<meta charset>`` names it, which is nothing to tell the user."""

# The most frequent ideographs of running Chinese (simplified, then traditional forms) and
# Japanese text, and hangul syllables of Korean text: together they make up most of each.
_IDEOGRAPHS = (
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下"
    "自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部"
    "其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又"
    "关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯"
    "月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入"
    "几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管"
    "期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像"
    "难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今"
    "切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令"
    "准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚"
    "请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早"
    "曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列武红响虽"
    "推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴"
    "例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻"
    "父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普"
    "怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险"
    "待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策"
    "演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘读啊超免压"
    "银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛"
    "托央户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮"
    "露永呼味野架域沙掉括舰鱼杂误湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移娘朋"
    "画班智亦耳恩短掌恐遗固席松秘谢鲁遇康虑幸均销钟诗藏赶剧票损忽巨炮旧端探湖录叶春乡附吸"
    "予礼港雨呀板庭妇归睛饭额含顺输摇招婚脱补谓督毒油疗旅泽材灭逐莫笔亡鲜词圣择寻厂睡博勒"
    "烟授诺伦岸奥唐卖俄炸载洛健堂旁宫喝借君禁阴园谋宋避抓荣姑孙逃牙束跳顶玉镇雪午练迫爷篇"
    "肉嘴馆遍凡础洞卷坦牛宁纸诸训私庄祖丝翻暴森塔默握戏隐熟骨访弱蒙歌店鬼软典欲萨伙遭盘爸"
    "扩盖弄雄稳忘亿刺拥徒姆杨齐赛趣曲刀床迎冰虚玩析窗醒妻透购替塞努休虎扬途侵刑绿兄迅套贸"
    "毕唯谷轮库迹尤竞街促延震弃甲伟麻川申缓潜闪售灯针哲络抵朱埃抱鼓植纯夏忍页杰筑折郑贝尊"
    "吴秀混臣雅振染盛怒舞圆搞狂措姓残秋培迷诚宽宇猛摆梅毁伸摩盟末乃悲拍丁赵峰深圳增涨"
    "國們這來個為說時對會學後過發當經動還點現樣將進兩長開問間電實體機關見麼話東車聽軍門萬"
    "頭報書從無業與產氣親員讓認覺寫變處黨總條錢離愛題風飛難邊區導應該師記連運單爭準確係語"
    "聲備際傳義統權務設計號歷隊議護農術戰廣場幾聞張陳達觀銀鐵買賣質環濟決麗節價結論視網華"
    "團圖轉頁約級紅線組織絕給續縣習聯職興舉舊藝葉藥衛裡製復規訊許試詩誠調請諸證識讀貨貴費"
    "資賽趕輕輪辦週選遺郵醫鄉錄陽陰陸隨雙雖雜雞靈響顏類養館體鬥魚鳥齊龍歲歡漲稅於"
    "円銀駅込働県経済営転軽鉄歩帰払覚実発応楽薬価様関係総閣選挙党首相株式融引決議企状況確"
    "認利情報域警察件容疑逮捕査被害亡療教育究技術計画施活参協連全数今日明何誰話取持使作来"
    "帰読聞食飲売働休始終知思考感動変続止置送届受返答習練検討説案内約束予絡談告伝示登録申"
    "済験準備整管販製造輸建設工曜週午毎番号駐広図団声戦争権様区単収点当対価氏米州欧"
)
_HANGUL = (
    "이다는의에하고을가지한서기로대사도들자어수리정시를있나국인적아해일주전부요것게구상보제"
    "원과면장만라스소내우경동신세성니학여발연위관문공무비용방생화물오재실개없거미된되드러마"
    "선운식조분회명결당모계야진중통반단말업점안변영행체현금교했은년월그및또등더때후각새첫외"
    "간데뒤앞곳번까지며의서울민총령정부올해처럼했다였다있다밝혔다위원회"
)
_COMMON = frozenset(_IDEOGRAPHS + _HANGUL)

# Tried in this order: the first of two readings as plausible wins (see NAMES).
_CODECS = ("euc_jp", "cp932", "gb18030", "big5hkscs", "cp949")
_SAMPLE = 64 * 1024  # bytes looked at: enough characters to tell, quick on a big file
_FEW = 4  # fewer ideographs, kana or hangul than this are not enough to tell
_RARE = 0.25  # what an ideograph or a hangul syllable outside the common ones counts for
_PLAUSIBLE = 0.6  # the share of plausible characters a reading must reach


def cjk_encoding(data: bytes) -> str | None:
    """The codec of ``data`` (which is not UTF-8) when it is clearly a Chinese, Japanese or
    Korean text in one of these encodings; else None."""
    sample = data[:_SAMPLE]
    best, best_score = None, _PLAUSIBLE
    for codec in _CODECS:
        score = _plausibility(sample, codec)
        if score is not None and score > best_score:
            best, best_score = codec, score
    return best


def _plausibility(sample: bytes, codec: str) -> float | None:
    """The share of the characters ``sample`` reads as in ``codec`` that a text in that
    encoding is made of (0 to 1), if it reads without an error and holds enough of them."""
    try:
        # Not final: the sample may end inside a character.
        text = codecs.getincrementaldecoder(codec)().decode(sample, final=False)
    except UnicodeDecodeError:
        return None
    score = 0.0
    counted = letters = 0
    for char, count in Counter(text).items():
        if char.isascii() or "\u2000" <= char <= "\u206f":
            continue  # spaces, Latin letters, figures, dashes and quotes: any reading
        counted += count
        kind = _kind(char)
        if kind == _LETTER:
            letters += count
            score += count if char in _COMMON else _RARE * count
        elif kind == _KANA:
            letters += count
            score += count
        elif kind == _PUNCTUATION:
            score += count
    if letters < _FEW:
        return None
    return score / counted


_LETTER, _KANA, _PUNCTUATION, _OTHER = range(4)


def _kind(char: str) -> int:
    """Whether ``char`` is an ideograph or a hangul syllable, a kana, the punctuation of
    these scripts (full-width forms among it), or anything else."""
    if "\u4e00" <= char <= "\u9fff" or "\uac00" <= char <= "\ud7a3":
        return _LETTER
    if "\u3041" <= char <= "\u30ff":
        return _KANA
    if "\u3000" <= char <= "\u303f" or "\uff01" <= char <= "\uff5e":
        return _PUNCTUATION
    return _OTHER
