"""The floor of the start benchmark: a bare PySide6 main window of the app's size.

Prints PAINTED once its first paint event has been handled (as the app does with
CRM_DESKTOP_EXIT_AFTER_PAINT), then quits."""

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class FirstPaint(QObject):
    seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.seen:
            self.seen = True
            QTimer.singleShot(0, done)
        return False


def done() -> None:
    print("PAINTED", flush=True)
    app.quit()


app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1400, 900)
watcher = FirstPaint(window)
window.installEventFilter(watcher)
window.show()
app.exec()
