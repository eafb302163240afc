"""The Qt user interface. Nothing outside ``crm_desktop.ui`` and ``crm_desktop.app``
imports PySide6; services and data stay Qt-free."""
