package id.modo.verse.invest;

/** all_or_nothing keeps the money only when the goal is reached; flexible keeps what was raised. */
public enum FundingType {
    ALL_OR_NOTHING, FLEXIBLE
}
