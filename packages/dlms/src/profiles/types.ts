/**
 * A meter profile: what a meter means by values its telegram leaves unnamed or unscaled. Data only;
 * each profile carries a golden telegram and the values it decodes to, and where they come from.
 * - `layouts`: flat lists of bare values (no logical names, no scaler_unit), by list length;
 * - `registers` / `unlabeled`: lists that name their values but send no scaler_unit (Kamstrup on the
 *   Norwegian HAN port, the Swiss VSE push of L+G E360): scaler and unit by logical name, and names for
 *   the values sent without one, in order.
 */
export interface ProfileElement {
  /** Logical name `A.B.C.D.E.F`. */
  readonly obis: string;
  /** Decimal exponent to apply to the bare number. */
  readonly scaler?: number;
  /** DLMS unit code (Blue Book unit table), e.g. 27 W, 33 A, 35 V, 30 Wh. */
  readonly unit?: number;
}

export interface ProfileMatch {
  /** The list's first text (flat lists: its first element; named lists: its first unnamed text). */
  readonly firstText?: string;
  /** The device id (first text value) starts with this FLAG id, and the push carries its object list. */
  readonly pushObjectListFrom?: string;
}

export interface DlmsProfile {
  readonly id: string;
  readonly meter: string;
  /** Where the layout comes from. */
  readonly reference: string;
  /** How to recognise the list without being told. */
  readonly match: ProfileMatch;
  /** Layouts of flat lists by list length (meters send longer lists at longer intervals). */
  readonly layouts?: Readonly<Record<number, readonly ProfileElement[]>>;
  /** Scaler and unit of named values that come without a scaler_unit. */
  readonly registers?: readonly ProfileElement[];
  /** Logical names of the values sent without one, in telegram order. */
  readonly unlabeled?: readonly string[];
  readonly golden: {
    readonly transport: "mbus" | "hdlc" | "raw";
    readonly hex: string;
    /** Where the golden telegram and its values were published. */
    readonly source?: string;
    /** Logical name -> value the profile must give for the golden telegram. */
    readonly values: Readonly<Record<string, number | string>>;
  };
}
