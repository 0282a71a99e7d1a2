"""The rules of 临人社发〔2016〕12号 (policy/linyi-hrss-2016-12) as code: its calculators, its
self-check over the ten measures, its identification card and monthly statistics table, and the
classification that Attachment 1's flowchart is drawn from.

Named in the document's document.yaml as `calculators: linyi_hrss_2016_12`.
"""

from ..core.text import text
from .classification import FIGURES, TREE
from .eligibility import CLAUSES

# Attachment pages drawn from code: clause id → the tree, the parameters its details show, and
# the drawing's title and description (for screen readers, and printed under it).
FLOWCHARTS = {
    "att1-flowchart": {
        "tree": TREE,
        "figures": FIGURES,
        "title": text("附件1 分类施策流程图（重构）", "Attachment 1: classification flowchart (reconstruction)"),
        "description": text(
            "原图已无法获取。本图根据通知正文和本站的分类代码绘制，不是原图：建档立卡农村贫困人口填写精准识别卡后，"
            "按年龄和劳动能力分为三类，每一类下列出适用的措施；每个措施框链接到相应条款。下方有相同内容的文字版。",
            "The original picture is lost. This diagram is drawn from the text of the notice and the site's classification "
            "code; it is not the original: a registered rural poor person fills in the identification card, is sorted by age "
            "and ability to work into three categories, and each lists the measures that apply; each measure box links to its "
            "clause. The same content follows as text below.",
        ),
    }
}
# The measures as the card and the self-check number them (1–10) → their clauses.
MEASURE_CLAUSES = dict(enumerate(CLAUSES, start=1))
