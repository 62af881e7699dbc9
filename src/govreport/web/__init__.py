"""The web app and HTTP API over a store (`govreport serve`): pages in Chinese, JSON under /api/."""
