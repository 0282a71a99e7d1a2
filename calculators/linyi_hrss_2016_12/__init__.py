"""The rules of 临人社发〔2016〕12号 (policy/linyi-hrss-2016-12) as code: its calculators, its
self-check over the ten measures, its identification card and monthly statistics table, and the
classification that Attachment 1's flowchart is drawn from.

Named in the document's document.yaml as `calculators: linyi_hrss_2016_12`.
"""

from .classification import FIGURES, TREE

# Attachment pages drawn from code: clause id → (the tree, the parameters its details show).
FLOWCHARTS = {"att1-flowchart": (TREE, FIGURES)}
