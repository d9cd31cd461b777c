"""The quiz engine's words, one table per language (``en``, ``ko``) with the same keys.

Both graders use them: ``grade()`` in Python, and ``quiz.js``, which reads them from the attributes the
static renderer embeds (it holds no sentence of its own). ``tests/test_quiz_texts.py`` checks that every
language has exactly the same keys and the same ``{placeholders}`` as English.

- ``messages``: every generic sentence a student can see; feedback from the bank is appended after them;
- ``exam``: what an exam-mode quiz says instead (there is no Check button) and in addition;
- ``labels``: words on the quiz's controls, shared by the static page and the live widget;
- ``download``: what "Download my results" says once it has saved the files.
"""

from __future__ import annotations

LANGUAGES = ("en", "ko")

_EN_LABELS = {
    "title": "Self-check quiz: {title}",
    "exam_title": "Practice test: {title}",
    "review_title": "Review",
    "question_number": "Question {number} of {total}.",
    "check": "Check answer",
    "reset": "Reset answers",
    "your_answer": "Your answer",
    "select_all": "Select all that apply.",
    "choose": "Choose…",
    "true": "True",
    "false": "False",
    "order_how": "Give each item its position, from 1 to {n}, in the order the question asks for.",
    "note": "Answers are checked in your browser; nothing is sent anywhere. "
            "Your answers are remembered on this device until you reset them.",
    "submit": "Submit answers",
    "start_again": "Start again",
    "exam_note": "Answer every question, then press Submit answers: the score and the explanations appear only then. "
                 "Answers are checked in your browser; nothing is sent anywhere. "
                 "This quiz remembers your answers on this device until you start again.",
    "name": "Your name (optional)",
    "download": "Download my results",
    "download_note": "Saves this quiz's answers on this device as a JSON and a CSV file, to hand in if your teacher "
                     "asks for them. Nothing is sent anywhere.",
    "download_after_submit": "Download my results becomes available once the quiz is submitted.",
    "widget_score": "Score in this quiz: {correct} of {total} correct",
    "plain_summary": "Self-check quiz: {title} ({count} questions)",
    "objectives": "Learning objectives: by the end of this chapter you can",
}

_KO_LABELS = {
    "title": "자가 점검 퀴즈: {title}",
    "exam_title": "연습 시험: {title}",
    "review_title": "복습",
    "question_number": "{total}문제 중 {number}번.",
    "check": "답 확인",
    "reset": "답 지우기",
    "your_answer": "내 답",
    "select_all": "해당하는 것을 모두 고르세요.",
    "choose": "고르기…",
    "true": "참",
    "false": "거짓",
    "order_how": "문제가 요구하는 순서대로 항목마다 1부터 {n}까지 순서를 매기세요.",
    "note": "답은 브라우저 안에서 채점되며 어디로도 전송되지 않습니다. "
            "답을 지우기 전까지 이 기기에 기억됩니다.",
    "submit": "답안 제출",
    "start_again": "다시 시작",
    "exam_note": "모든 문제에 답한 다음 ‘답안 제출’을 누르세요. 점수와 해설은 그때 나타납니다. "
                 "답은 브라우저 안에서 채점되며 어디로도 전송되지 않습니다. "
                 "이 퀴즈는 다시 시작하기 전까지 답을 이 기기에 기억합니다.",
    "name": "이름(선택)",
    "download": "내 결과 내려받기",
    "download_note": "이 퀴즈의 답을 JSON 파일과 CSV 파일로 이 기기에 저장합니다. 교사가 요청하면 제출하세요. "
                     "어디로도 전송되지 않습니다.",
    "download_after_submit": "‘내 결과 내려받기’는 퀴즈를 제출한 뒤에 쓸 수 있습니다.",
    "widget_score": "이 퀴즈의 점수: {total}문제 중 {correct}문제 정답",
    "plain_summary": "자가 점검 퀴즈: {title} ({count}문제)",
    "objectives": "학습 목표: 이 장을 마치면 다음을 할 수 있습니다",
}

TEXTS = {
    "en": {
        "messages": {
            "correct": "Correct.",
            "incorrect": "Not quite.",
            "empty_choice": "Please choose an answer, then press Check.",
            "empty_multiple": "Please select at least one option, then press Check.",
            "empty_number": "Please type a number, then press Check.",
            "invalid_number": "Please type a number such as 42 or 3.5 (digits, an optional minus sign and decimal point).",
            "empty_order": "Please give every item a position, then press Check.",
            "duplicate_order": "Please use each position only once, then press Check.",
            "missed_option": "At least one correct option is not selected yet.",
            "wrong_option": "At least one selected option is not correct.",
            "too_high": "Your answer is too high.",
            "too_low": "Your answer is too low.",
            "order_count": "{right} of {total} items are in the right position.",
            "score": "Score on this page: {correct} of {total} correct",
        },
        "exam": {
            "empty_choice": "No answer yet: please choose one.",
            "empty_multiple": "No answer yet: please select at least one option.",
            "empty_number": "No answer yet: please type a number.",
            "empty_order": "No answer yet: please give every item a position.",
            "duplicate_order": "Please use each position only once.",
            "unanswered_one": "Not submitted yet: question {numbers} still needs an answer. "
                              f"Answer it, then press {_EN_LABELS['submit']}.",
            "unanswered_many": "Not submitted yet: questions {numbers} still need an answer. "
                               f"Answer them, then press {_EN_LABELS['submit']}.",
            "score": "Submitted: {correct} of {total} correct. Each question now shows its feedback.",
        },
        "labels": _EN_LABELS,
        "download": {
            "saved": "Saved {json} and {csv} to your downloads.",
            "name_cleaned": "Saved {json} and {csv} to your downloads. Characters a file name cannot hold were left out "
                            "of the file names, and any control characters out of the name.",
        },
    },
    "ko": {
        "messages": {
            "correct": "정답입니다.",
            "incorrect": "아쉽지만 틀렸습니다.",
            "empty_choice": f"답을 고른 다음 ‘{_KO_LABELS['check']}’을 누르세요.",
            "empty_multiple": f"선택지를 하나 이상 고른 다음 ‘{_KO_LABELS['check']}’을 누르세요.",
            "empty_number": f"숫자를 입력한 다음 ‘{_KO_LABELS['check']}’을 누르세요.",
            "invalid_number": "42나 3.5처럼 숫자로 입력하세요(아라비아 숫자, 필요하면 앞에 빼기 부호, 소수점).",
            "empty_order": f"모든 항목에 순서를 매긴 다음 ‘{_KO_LABELS['check']}’을 누르세요.",
            "duplicate_order": f"같은 순서를 두 번 쓰지 말고 다시 ‘{_KO_LABELS['check']}’을 누르세요.",
            "missed_option": "맞는 선택지 가운데 아직 고르지 않은 것이 있습니다.",
            "wrong_option": "고른 선택지 가운데 맞지 않는 것이 있습니다.",
            "too_high": "답이 너무 큽니다.",
            "too_low": "답이 너무 작습니다.",
            "order_count": "항목 {total}개 중 {right}개가 제자리에 있습니다.",
            "score": "이 페이지의 점수: {total}문제 중 {correct}문제 정답",
        },
        "exam": {
            "empty_choice": "아직 답이 없습니다. 하나를 고르세요.",
            "empty_multiple": "아직 답이 없습니다. 선택지를 하나 이상 고르세요.",
            "empty_number": "아직 답이 없습니다. 숫자를 입력하세요.",
            "empty_order": "아직 답이 없습니다. 모든 항목에 순서를 매기세요.",
            "duplicate_order": "같은 순서를 두 번 쓰지 마세요.",
            "unanswered_one": "아직 제출되지 않았습니다. {numbers}번 문제에 아직 답이 없습니다. "
                              f"답한 다음 ‘{_KO_LABELS['submit']}’을 누르세요.",
            "unanswered_many": "아직 제출되지 않았습니다. {numbers}번 문제에 아직 답이 없습니다. "
                               f"답한 다음 ‘{_KO_LABELS['submit']}’을 누르세요.",
            "score": "제출했습니다: {total}문제 중 {correct}문제 정답. 이제 문제마다 피드백이 보입니다.",
        },
        "labels": _KO_LABELS,
        "download": {
            "saved": "{json} 파일과 {csv} 파일을 다운로드 폴더에 저장했습니다.",
            "name_cleaned": "{json} 파일과 {csv} 파일을 다운로드 폴더에 저장했습니다. 파일 이름에 쓸 수 없는 문자는 "
                            "파일 이름에서, 제어 문자는 이름에서 뺐습니다.",
        },
    },
}


def texts(language: str = "en") -> dict:
    """The four tables of ``language`` (one of :data:`LANGUAGES`)."""
    if language not in TEXTS:
        raise ValueError(f"Unknown quiz language '{language}': use one of {', '.join(LANGUAGES)}")
    return TEXTS[language]
