"""The review checklist (審査基準の確認項目) of each criterion.

The seeds do not print Setagaya's checklists; these items follow the points
the seeds' criteria and Yachiyo's outsourcing checklist (seed 004, 資料2)
examine. Keys are stored with the answers, so items can be reworded without
losing past answers; a removed key simply stops being shown.
"""

OUTSOURCING = (
    ("necessity", "委託する必要があり、委託先に取り扱わせる個人情報は必要最小限か"),
    ("contractor_capacity", "委託先の個人情報保護の体制（管理責任者、従事者の教育）を確認したか"),
    ("special_specification", "契約書に個人情報の取扱いに関する特記仕様書を付すか"),
    ("subcontracting", "再委託を禁止し、又は承認制とし、再委託先にも同等の義務を課すか"),
    ("security_measures", "持出し・複写の制限、保管・送付の方法など安全管理措置を定めたか"),
    ("return_disposal", "委託終了時の返還・廃棄とその報告を定めたか"),
    ("inspection", "委託先の取扱状況を検査（書面・実地）する方法を定めたか"),
)

INTERNAL_USE = (
    ("legal_basis", "法第69条の該当条項に当たるか"),
    ("necessity", "利用する事務に必要な限度か（項目・範囲は必要最小限か）"),
    ("no_undue_harm", "本人又は第三者の権利利益を不当に侵害するおそれがないか"),
    ("handling", "利用課での取扱い（保管・廃棄）を定めたか"),
)

PROVISION = (
    ("legal_basis", "法第69条の該当条項に当たるか"),
    ("necessity", "提供先の事務に必要な限度か（項目・範囲は必要最小限か）"),
    ("no_undue_harm", "本人又は第三者の権利利益を不当に侵害するおそれがないか"),
    ("recipient_measures", "提供先に利用目的・方法の制限や安全管理措置を求めたか（法第70条）"),
    ("transfer_method", "提供の方法（送付・回線）は安全か"),
)

ONLINE_LINK = (
    ("necessity", "回線結合が事務に必要であり、結合先・項目は必要最小限か"),
    ("line_security", "専用回線・LGWAN・暗号化など回線の安全性を確保したか"),
    ("access_control", "利用者の認証・権限管理とアクセス記録の保存を行うか"),
    ("partner_measures", "結合先の安全管理措置を確認したか"),
)

SYSTEM = (
    ("necessity", "システムで取り扱う個人情報は必要最小限か"),
    ("access_control", "利用者の認証・権限管理とアクセス記録の保存を行うか"),
    ("data_protection", "バックアップ・暗号化・媒体の管理を定めたか"),
    ("maintenance", "保守・運用を委託する場合、委託の審査を行ったか"),
)

CHECKLISTS = {
    "outsourcing": OUTSOURCING,
    "internal_use": INTERNAL_USE,
    "provision": PROVISION,
    "online_link": ONLINE_LINK,
    "system": SYSTEM,
    # Both checklists, without repeating the items they share.
    "online_link_system": ONLINE_LINK + tuple(item for item in SYSTEM if item[0] not in dict(ONLINE_LINK)),
}


def checklist_for(criterion):
    return CHECKLISTS[criterion]
