package dispatch.check;

/** How serious a finding is: errors block publishing; warnings need the editor to acknowledge them. */
public enum Severity { ERROR, WARNING }
