package io.crmkit.core.activity;

/** How an interaction with a customer happened; activity analysis counts follow-ups by kind. */
public enum FollowUpKind {
    /** A phone call (电话). */
    CALL,
    /** A visit in person (拜访). */
    VISIT,
    /** An e-mail (邮件). */
    EMAIL,
    /** A meeting (会议). */
    MEETING,
    /** A note without contact (备注). */
    NOTE
}
