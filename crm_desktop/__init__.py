"""CRM Desktop: an offline CRM for sole traders and freelancers."""

__version__ = "0.1.0"
APP_NAME = "CRM Desktop"
APP_ID = "crm-desktop"
ORG_NAME = "crm-desktop"
