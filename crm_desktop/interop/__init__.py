"""Pure functions between files and domain records (vCard, CSV, iCalendar, text)."""
