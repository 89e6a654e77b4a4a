"""Records are changed through the app (every change audited); the admin shows nothing of them.

The division head who approves disposal lists is the 個人情報保護管理者 of the safety
module's management structure (hogo.safety), set there.
"""
