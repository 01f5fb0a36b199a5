/**
 * A meter profile: what a meter that sends a flat list of bare values (no logical names, no scaler_unit)
 * means by each position. Data only; each profile carries a golden telegram and the values it decodes to.
 */
export interface ProfileElement {
  /** Logical name `A.B.C.D.E.F`. */
  readonly obis: string;
  /** Decimal exponent to apply to the bare number. */
  readonly scaler?: number;
  /** DLMS unit code (Blue Book unit table), e.g. 27 W, 33 A, 35 V, 30 Wh. */
  readonly unit?: number;
}

export interface DlmsProfile {
  readonly id: string;
  readonly meter: string;
  /** Where the layout comes from. */
  readonly reference: string;
  /** How to recognise the list without being told: its first element's text. */
  readonly match: { readonly firstText: string };
  /** Layouts by list length (meters send longer lists at longer intervals). */
  readonly layouts: Readonly<Record<number, readonly ProfileElement[]>>;
  readonly golden: {
    readonly transport: "mbus" | "hdlc" | "raw";
    readonly hex: string;
    /** Logical name -> value the profile must give for the golden telegram. */
    readonly values: Readonly<Record<string, number | string>>;
  };
}
